extension Change {
    /// The edits cover the end of the values (a section's heading without its number): the part of
    /// each value before them, to print in front of them ("（二）").
    var editPrefixes: (old: String, new: String) {
        func prefix(_ value: String?, _ kept: TextEdit.Operation) -> String {
            guard let value else { return "" }
            let edited = edits.filter { $0.operation == .equal || $0.operation == kept }.map(\.text).joined()
            guard value.hasSuffix(edited) else { return "" }
            return String(value.unicodeScalars.dropLast(edited.unicodeScalars.count))
        }
        return (prefix(old, .delete), prefix(new, .insert))
    }
}

/// Character diffs that read well in Chinese, and the similarity of two texts.
package enum TextDiff {
    /// The comparison form of a text: no white space, full-width punctuation and ASCII punctuation
    /// alike. Texts equal in this form differ only in formatting.
    package static func canonical(_ text: String) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars where !scalar.isLineSpace && scalar != "\n" && scalar != "\r" {
            switch scalar {
            case "（": result.append("(")
            case "）": result.append(")")
            case "：": result.append(":")
            case "；": result.append(";")
            case "，": result.append(",")
            case "！": result.append("!")
            case "？": result.append("?")
            case "〔", "［", "【": result.append("[")
            case "〕", "］", "】": result.append("]")
            default: result.append(scalar)
            }
        }
        return result
    }

    package static func sameText(_ a: String, _ b: String) -> Bool { canonical(a) == canonical(b) }

    /// Dice similarity of character bigrams of the comparison forms: 1 for equal texts, 0 for texts
    /// that share no two characters in a row.
    package static func similarity(_ a: String, _ b: String) -> Double {
        let x = canonical(a)
        let y = canonical(b)
        if x == y { return 1 }
        guard x.count >= 2, y.count >= 2 else { return x == y ? 1 : 0 }
        var bigrams: [UInt64: Int] = [:]
        for i in 0..<(x.count - 1) { bigrams[UInt64(x[i].value) << 32 | UInt64(x[i + 1].value), default: 0] += 1 }
        var shared = 0
        for i in 0..<(y.count - 1) {
            let key = UInt64(y[i].value) << 32 | UInt64(y[i + 1].value)
            if let n = bigrams[key], n > 0 {
                shared += 1
                bigrams[key] = n - 1
            }
        }
        return Double(2 * shared) / Double(x.count - 1 + y.count - 1)
    }

    /// The edits from `a` to `b`, by character (Myers' O(ND) algorithm), cleaned so that short runs
    /// of equal characters between changes fold into the changes: "交流活动" → "学习交流活动" reads as
    /// one insertion, not a confetti of single characters.
    package static func edits(from a: String, to b: String) -> [TextEdit] {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        // The common prefix and suffix cost nothing; Myers runs on what lies between.
        var prefix = 0
        while prefix < x.count && prefix < y.count && x[prefix] == y[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < x.count - prefix && suffix < y.count - prefix
            && x[x.count - 1 - suffix] == y[y.count - 1 - suffix]
        { suffix += 1 }
        var runs: [(TextEdit.Operation, [Unicode.Scalar])] = []
        if prefix > 0 { runs.append((.equal, Array(x[..<prefix]))) }
        runs += myers(Array(x[prefix..<(x.count - suffix)]), Array(y[prefix..<(y.count - suffix)]))
        if suffix > 0 { runs.append((.equal, Array(x[(x.count - suffix)...]))) }
        return cleanUp(runs)
    }

    /// Edit distances beyond which two texts are simply replaced: keeps the trace of Myers'
    /// algorithm (distance × 2 × distance) to a few megabytes for texts that share little.
    static let maximumDistance = 1_000

    /// Myers' greedy diff; the result is a list of (operation, scalars). Texts further apart than
    /// `maximumDistance` come back as one deletion and one insertion.
    static func myers(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> [(TextEdit.Operation, [Unicode.Scalar])] {
        let n = a.count
        let m = b.count
        if n == 0 && m == 0 { return [] }
        if n == 0 { return [(.insert, b)] }
        if m == 0 { return [(.delete, a)] }
        let max = Swift.min(n + m, maximumDistance)
        var v = [Int](repeating: 0, count: 2 * max + 2)
        var trace: [[Int]] = []
        var found = false
        for d in 0...max {
            trace.append(v)
            var k = -d
            while k <= d {
                var x: Int
                if k == -d || (k != d && v[k - 1 + max] < v[k + 1 + max]) {
                    x = v[k + 1 + max]
                } else {
                    x = v[k - 1 + max] + 1
                }
                var y = x - k
                while x < n && y < m && a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[k + max] = x
                if x >= n && y >= m {
                    found = true
                    break
                }
                k += 2
            }
            if found { break }
        }
        guard found else { return [(.delete, a), (.insert, b)] }
        // Walk back through the trace.
        var ops: [(TextEdit.Operation, Unicode.Scalar)] = []
        var x = n
        var y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK: Int
            if k == -d || (k != d && v[k - 1 + max] < v[k + 1 + max]) { previousK = k + 1 } else { previousK = k - 1 }
            let previousX = v[previousK + max]
            let previousY = previousX - previousK
            while x > previousX && y > previousY {
                ops.append((.equal, a[x - 1]))
                x -= 1
                y -= 1
            }
            if d > 0 {
                if x == previousX { ops.append((.insert, b[y - 1])) } else { ops.append((.delete, a[x - 1])) }
            }
            x = previousX
            y = previousY
        }
        var runs: [(TextEdit.Operation, [Unicode.Scalar])] = []
        for (op, scalar) in ops.reversed() {
            if let last = runs.last, last.0 == op {
                runs[runs.count - 1].1.append(scalar)
            } else {
                runs.append((op, [scalar]))
            }
        }
        return runs
    }

    /// Semantic clean-up: an equal run of at most two characters that sits between changes (or one
    /// shorter than the changes around it), or a single character at either end next to a longer
    /// change, becomes part of a deletion and an insertion; then deletions and insertions next to
    /// each other are gathered, deletion first.
    static func cleanUp(_ runs: [(TextEdit.Operation, [Unicode.Scalar])]) -> [TextEdit] {
        var runs = runs
        var changed = true
        while changed {
            changed = false
            var i = 0
            while i < runs.count {
                let before = i > 0 ? runs[i - 1] : nil
                let after = i + 1 < runs.count ? runs[i + 1] : nil
                if runs[i].0 == .equal, before?.0 != .equal, after?.0 != .equal, before != nil || after != nil {
                    let around = max(before?.1.count ?? 0, after?.1.count ?? 0)
                    let inside = before != nil && after != nil
                    // Between two changes: two characters or fewer, or less than half the changes
                    // around; at the edge ("（" before a rewritten heading): one character next to
                    // a change of three or more.
                    if inside
                        ? runs[i].1.count <= 2 || runs[i].1.count < around / 2 : runs[i].1.count == 1 && around >= 3
                    {
                        let text = runs[i].1
                        runs[i] = (.delete, text)
                        runs.insert((.insert, text), at: i + 1)
                        changed = true
                    }
                }
                i += 1
            }
            // Gather each stretch between equal runs into one deletion and one insertion.
            var gathered: [(TextEdit.Operation, [Unicode.Scalar])] = []
            var deleted: [Unicode.Scalar] = []
            var inserted: [Unicode.Scalar] = []
            func flush() {
                if !deleted.isEmpty { gathered.append((.delete, deleted)) }
                if !inserted.isEmpty { gathered.append((.insert, inserted)) }
                deleted = []
                inserted = []
            }
            for run in runs {
                switch run.0 {
                case .delete: deleted += run.1
                case .insert: inserted += run.1
                case .equal:
                    flush()
                    if let last = gathered.last, last.0 == .equal {
                        gathered[gathered.count - 1].1 += run.1
                    } else {
                        gathered.append(run)
                    }
                }
            }
            flush()
            runs = gathered
        }
        return runs.map { TextEdit(operation: $0.0, text: String(scalars: $0.1)) }
    }
}
