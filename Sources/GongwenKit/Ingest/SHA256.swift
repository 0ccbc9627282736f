import Crypto

/// SHA-256 (FIPS 180-4) of a byte buffer, for `source.sha256` and for telling notices apart:
/// swift-crypto's (BoringSSL, which uses the CPU's SHA instructions where it has them; a digest
/// written here in Swift took 2–3% of a corpus's parse). Tested against `sha256sum`.
package enum SHA256 {
    /// The digest as 64 lowercase hex digits.
    package static func hex(of bytes: [UInt8]) -> String {
        // (The digest read in place and the digits computed: an array of each was made for every input.)
        let digest = Crypto.SHA256.hash(data: bytes)
        return String(unsafeUninitializedCapacity: 64) { buffer in
            digest.withUnsafeBytes { digest in
                for (i, byte) in digest.enumerated() {
                    buffer[2 * i] = hexDigit(byte >> 4)
                    buffer[2 * i + 1] = hexDigit(byte & 0x0F)
                }
            }
            return 64
        }
    }

    /// The lowercase hex digit of `value` (0–15).
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    package static func digest(of bytes: [UInt8]) -> [UInt8] {
        Array(Crypto.SHA256.hash(data: bytes))
    }
}
