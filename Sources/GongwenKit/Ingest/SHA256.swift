import Crypto

/// SHA-256 (FIPS 180-4) of a byte buffer, for `source.sha256` and for telling notices apart:
/// swift-crypto's (BoringSSL, which uses the CPU's SHA instructions where it has them; a digest
/// written here in Swift took 2–3% of a corpus's parse). Tested against `sha256sum`.
package enum SHA256 {
    /// The digest as 64 lowercase hex digits.
    package static func hex(of bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 64) { buffer in
            for (i, byte) in digest(of: bytes).enumerated() {
                buffer[2 * i] = digits[Int(byte >> 4)]
                buffer[2 * i + 1] = digits[Int(byte & 0x0F)]
            }
            return 64
        }
    }

    package static func digest(of bytes: [UInt8]) -> [UInt8] {
        Array(Crypto.SHA256.hash(data: bytes))
    }
}
