#!/usr/bin/env python3
"""validate-sarif-schema.py SCHEMA LOG...: validates each SARIF log against
the SARIF 2.1.0 JSON schema (test/Inputs/sarif) with python3-jsonschema, and
checks what the schema cannot: that every "[text](id)" link in a result's
message.text names one of its relatedLocations. Prints every problem, or
"ok" per log; exits 1 on a problem."""
import json
import re
import sys

import jsonschema

LINK = re.compile(r"(?<!\\)\[((?:[^\]\\]|\\.)*)\]\((\d+)\)")


def main():
    with open(sys.argv[1]) as f:
        schema = json.load(f)
    validator = jsonschema.Draft4Validator(schema)
    failed = False
    for path in sys.argv[2:]:
        with open(path) as f:
            log = json.load(f)
        problems = ["%s: %s" % ("/".join(str(p) for p in e.absolute_path),
                                e.message)
                    for e in validator.iter_errors(log)]
        for run in log.get("runs", []):
            for i, result in enumerate(run.get("results", [])):
                ids = {r.get("id") for r in result.get("relatedLocations", [])}
                for text, ref in LINK.findall(result["message"]["text"]):
                    if int(ref) not in ids:
                        problems.append("result %d: link [%s](%s) names no "
                                        "related location" % (i, text, ref))
        for p in problems:
            print("%s: %s" % (path, p))
        if not problems:
            print("%s: ok" % path)
        failed |= bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
