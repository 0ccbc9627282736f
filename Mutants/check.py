#!/usr/bin/env python3
"""Mutation check: does the test suite catch small deliberate bugs?

    Mutants/check.py            # every mutant
    Mutants/check.py 3 5        # mutants 3 and 5

Each mutant is an exact replacement in one source file (a bug a hurried edit could make). For each: the file
is changed, the tests named by its filter are built and run, and the file is restored whatever happens. A mutant
is *caught* when those tests fail. The run first checks that the same tests pass unmutated. Exits 1 when a
mutant survives. (Debug build; about a minute a mutant on two cores.)
"""
import pathlib, subprocess, sys

ROOT = pathlib.Path(__file__).resolve().parent.parent

# (what the bug is, file, [(text, replacement)], the tests that must catch it)
MUTANTS = [
    ("a quota's span starts a column late", "Sources/GongwenKit/Extract/Rules/Quotas.swift",
     [("condition: condition, text: sentence.quote(absolute), span: line.span(absolute)))",
       "condition: condition, text: sentence.quote(absolute), span: line.span((absolute.lowerBound + 1)..<absolute.upperBound)))")],
     "QuotasTests"),
    ("a window within one month (5月10日至5月20日) pushed into the next year", "Sources/GongwenKit/Extract/Rules/Deadlines.swift",
     [("date.month < start.month ? startYear + 1 : startYear", "date.month <= start.month ? startYear + 1 : startYear")],
     "DeadlinesTests"),
    ("Shanghai's and Tianjin's numbers split as 0211-2345678", "Sources/GongwenKit/Extract/Rules/Contacts.swift",
     [('let areaLength = (d[1] == "1" || d[1] == "2") ? 3 : 4', 'let areaLength = d[1] == "1" ? 3 : 4')],
     "ContactsTests"),
    ("no area code for a provincial issuer's local number", "Sources/GongwenKit/Extract/Rules/AreaCodes.swift",
     [("if level == .provincial, let capital = capitals[province] { return cities[capital] }",
       "if level == .provincial, let capital = capitals[province], capital.isEmpty { return cities[capital] }")],
     "ContactsTests"),
    ("a citation of next year's document shown as removed and added", "Sources/GongwenKit/Diff/NoticeDiffer+Submission.swift",
     [('let matches = match(a.map(name), b.map(name), "citations", notes, threshold: 0.6)',
       'let matches = match(a.map(name), b.map(name), "citations", notes, threshold: 0.95)')],
     "SeriesTests"),
    ("the HTML report's old and new columns swapped", "Sources/GongwenKit/Emit/DiffHTML.swift",
     [('\\(cell(old, change.oldSpan))</td>"', '\\(cell(NEW_CELL, change.newSpan))</td>"'),
      ('\\(cell(new, change.newSpan))</td></tr>', '\\(cell(old, change.oldSpan))</td></tr>'),
      ('NEW_CELL', 'new')],
     "SeriesTests"),
    ("the HTML report's summary counts every area's changes in each row", "Sources/GongwenKit/Emit/DiffHTML.swift",
     [("let count = changes.filter { $0.kind == kind }.count", "let count = diff.changes.filter { $0.kind == kind }.count")],
     "SeriesTests"),
    ("gongwen normalize exits 0 on a missing file", "Sources/gongwen/Commands/NormalizeCommand.swift",
     [("""        } catch let error as IngestError {
            FileHandle.standardError.write(Data("gongwen: \\(error)\\n".utf8))
            throw ExitCode.failure
        }
        try sink.finish(failure: .failure)""",
       """        } catch let error as IngestError {
            FileHandle.standardError.write(Data("gongwen: \\(error)\\n".utf8))
            return
        }
        try sink.finish(failure: .failure)""")],
     "CommandLineTests"),
]


def run_tests(test_filter):
    build = subprocess.run(["swift", "build", "--build-tests"], cwd=ROOT, capture_output=True, text=True)
    if build.returncode != 0:
        return "does not build", build.stdout[-2000:] + build.stderr[-2000:]
    test = subprocess.run(["swift", "test", "--skip-build", "--filter", test_filter], cwd=ROOT, capture_output=True, text=True)
    return ("pass" if test.returncode == 0 else "fail"), test.stdout[-1500:]


def main():
    chosen = [int(a) for a in sys.argv[1:]] or list(range(1, len(MUTANTS) + 1))
    filters = sorted({MUTANTS[n - 1][3] for n in chosen})
    baseline, output = run_tests("|".join(filters))
    if baseline != "pass":
        print(f"the unmutated tests do not pass ({baseline}): fix them first\n{output}")
        return 2
    survivors = []
    for n in chosen:
        what, path, replacements, test_filter = MUTANTS[n - 1]
        file = ROOT / path
        original = file.read_text()
        mutated = original
        for text, replacement in replacements:
            if mutated.count(text) != 1:
                print(f"{n}. {what}: the text to change is found {mutated.count(text)} times in {path}: update Mutants/check.py")
                return 2
            mutated = mutated.replace(text, replacement)
        try:
            file.write_text(mutated)
            result, output = run_tests(test_filter)
        finally:
            file.write_text(original)
        verdict = {"fail": "caught", "pass": "SURVIVED", "does not build": "does not build (fix the mutant)"}[result]
        print(f"{n}. {what}: {verdict} ({test_filter})", flush=True)
        if result != "fail":
            survivors.append(n)
    subprocess.run(["swift", "build", "--build-tests"], cwd=ROOT, capture_output=True)  # the unmutated build back
    print(f"{len(chosen) - len(survivors)} of {len(chosen)} mutants caught")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
