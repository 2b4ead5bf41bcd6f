#!/usr/bin/env python3
"""validate-sarif.py LOG [--rules NAMES] [--rules-from FILE] [--results N]
                   [--fixes N]

Checks a SARIF log against what GitHub code scanning requires and uses
(docs.github.com, "SARIF support for code scanning"): version 2.1.0 and a
$schema; per run tool.driver.name and rules with an id, shortDescription.text
and helpUri; per result a ruleId naming a rule (ruleIndex pointing at it), a
level, message.text and a location with artifactLocation.uri and
region.startLine; relatedLocations with ids, messages and locations; every
uriBaseId defined in originalUriBaseIds. Also that each rule listed by
--rules exists and the numbers of results and fixes. Prints every problem and
exits 1 if there is one. Standard library only.
"""
import argparse
import json
import sys
import urllib.parse

problems = []


def need(cond, what):
    if not cond:
        problems.append(what)
    return cond


def is_text(obj, key):
    return isinstance(obj, dict) and isinstance(obj.get(key), dict) and \
        isinstance(obj[key].get("text"), str) and obj[key]["text"] != ""


def absolute_uri(uri):
    parsed = urllib.parse.urlparse(uri)
    return parsed.scheme in ("http", "https", "file") and \
        (parsed.netloc != "" or parsed.path.startswith("/"))


def check_artifact(where, artifact, base_ids):
    if not need(isinstance(artifact, dict) and isinstance(artifact.get("uri"), str),
                "%s: artifactLocation.uri missing" % where):
        return
    base = artifact.get("uriBaseId")
    if base is None:
        need(absolute_uri(artifact["uri"]),
             "%s: uri %r is relative without a uriBaseId" % (where, artifact["uri"]))
    else:
        need(base in base_ids, "%s: uriBaseId %r is not in originalUriBaseIds"
             % (where, base))
        need(not urllib.parse.urlparse(artifact["uri"]).scheme,
             "%s: uri %r with a uriBaseId must be relative" % (where, artifact["uri"]))


def check_physical(where, loc, base_ids):
    if not need(isinstance(loc, dict), "%s: physicalLocation missing" % where):
        return
    check_artifact(where, loc.get("artifactLocation"), base_ids)
    region = loc.get("region")
    if need(isinstance(region, dict), "%s: region missing" % where):
        line = region.get("startLine")
        need(isinstance(line, int) and line >= 1,
             "%s: region.startLine %r" % (where, line))
        col = region.get("startColumn")
        need(col is None or (isinstance(col, int) and col >= 1),
             "%s: region.startColumn %r" % (where, col))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("log")
    ap.add_argument("--rules", default="", help="','-separated rule ids")
    ap.add_argument("--rules-from", help="a --list-checks output: every check "
                    "listed must be a rule")
    ap.add_argument("--results", type=int)
    ap.add_argument("--fixes", type=int)
    opts = ap.parse_args()

    with open(opts.log) as f:
        log = json.load(f)
    need(log.get("version") == "2.1.0", "version is %r" % log.get("version"))
    need(isinstance(log.get("$schema"), str) and "sarif" in log["$schema"],
         "$schema missing")
    runs = log.get("runs")
    if not need(isinstance(runs, list) and len(runs) == 1, "expected one run"):
        return report()
    run = runs[0]
    driver = run.get("tool", {}).get("driver", {})
    need(isinstance(driver.get("name"), str) and driver["name"],
         "tool.driver.name missing")
    rules = driver.get("rules", [])
    ids = []
    for i, rule in enumerate(rules):
        where = "rule %d" % i
        need(isinstance(rule.get("id"), str) and rule["id"], where + ": id")
        ids.append(rule.get("id"))
        need(is_text(rule, "shortDescription"), where + ": shortDescription.text")
        need(isinstance(rule.get("helpUri"), str) and absolute_uri(rule["helpUri"]),
             where + ": helpUri %r is not an absolute URI" % rule.get("helpUri"))
        level = rule.get("defaultConfiguration", {}).get("level", "warning")
        need(level in ("none", "note", "warning", "error"),
             where + ": defaultConfiguration.level %r" % level)
    need(len(set(ids)) == len(ids), "duplicate rule ids: %r" % ids)
    wanted_rules = list(filter(None, opts.rules.split(",")))
    if opts.rules_from:
        with open(opts.rules_from) as f:
            wanted_rules += [l.strip() for l in f if l.startswith("    ")]
        need(wanted_rules, "no checks in %s" % opts.rules_from)
    for wanted in wanted_rules:
        need(wanted in ids, "no rule %r among %r" % (wanted, ids))

    base_ids = run.get("originalUriBaseIds", {})
    for name, base in base_ids.items():
        uri = base.get("uri", "")
        need(absolute_uri(uri) and uri.endswith("/"),
             "originalUriBaseIds[%r].uri %r must be absolute and end in '/'" %
             (name, uri))

    results = run.get("results")
    if not need(isinstance(results, list), "results missing"):
        return report()
    fixes = 0
    for i, result in enumerate(results):
        where = "result %d" % i
        rule = result.get("ruleId")
        need(rule in ids, where + ": ruleId %r is not a rule" % rule)
        if "ruleIndex" in result:
            index = result["ruleIndex"]
            need(isinstance(index, int) and 0 <= index < len(ids) and
                 ids[index] == rule,
                 where + ": ruleIndex %r does not point at %r" % (index, rule))
        need(result.get("level", "warning") in ("none", "note", "warning", "error"),
             where + ": level %r" % result.get("level"))
        need(is_text(result, "message"), where + ": message.text")
        locations = result.get("locations")
        if need(isinstance(locations, list) and 1 <= len(locations) <= 10,
                where + ": needs 1 to 10 locations"):
            for loc in locations:
                check_physical(where, loc.get("physicalLocation"), base_ids)
        seen = set()
        for j, rel in enumerate(result.get("relatedLocations", [])):
            rwhere = "%s related %d" % (where, j)
            need(isinstance(rel.get("id"), int) and rel["id"] not in seen,
                 rwhere + ": id %r missing or repeated" % rel.get("id"))
            seen.add(rel.get("id"))
            need(is_text(rel, "message"), rwhere + ": message.text")
            check_physical(rwhere, rel.get("physicalLocation"), base_ids)
        for k, fix in enumerate(result.get("fixes", [])):
            fixes += 1
            fwhere = "%s fix %d" % (where, k)
            need(is_text(fix, "description"), fwhere + ": description.text")
            changes = fix.get("artifactChanges")
            if not need(isinstance(changes, list) and changes,
                        fwhere + ": artifactChanges"):
                continue
            for change in changes:
                check_artifact(fwhere, change.get("artifactLocation"), base_ids)
                for rep in change.get("replacements", []):
                    region = rep.get("deletedRegion", {})
                    need(isinstance(region.get("startLine"), int),
                         fwhere + ": deletedRegion.startLine")
                    need(isinstance(rep.get("insertedContent", {}).get("text", ""),
                                    str), fwhere + ": insertedContent.text")
    if opts.results is not None:
        need(len(results) == opts.results,
             "%d results, expected %d" % (len(results), opts.results))
    if opts.fixes is not None:
        need(fixes == opts.fixes, "%d fixes, expected %d" % (fixes, opts.fixes))
    return report()


def report():
    for p in problems:
        print("validate-sarif: " + p)
    if not problems:
        print("validate-sarif: ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
