#!/usr/bin/env python3
"""Summarise async-profiler collapsed-stack files (bench/run.sh with PROFILE=1) by component: each sample goes to the innermost frame that
belongs to a known component (JDK and native frames are charged to their nearest known caller).

Usage: bench/profile-summary.py bench/out/profile/populus-<time>.collapsed ...  (the files of the measured window)"""
import re, sys, collections
CATS = [
    ("pgjdbc", re.compile(r"^org[./]postgresql")),
    ("HikariCP", re.compile(r"^com[./]zaxxer")),
    ("Jackson", re.compile(r"^(tools|com)[./](jackson|fasterxml)")),
    ("Spring Security", re.compile(r"^org[./]springframework[./]security")),
    ("Spring Session", re.compile(r"^org[./]springframework[./]session")),
    ("Micrometer/observation", re.compile(r"^io[./]micrometer")),
    ("Spring MVC/web", re.compile(r"^org[./]springframework[./](web|http)")),
    ("Spring other", re.compile(r"^org[./]springframework")),
    ("Tomcat/HTTP", re.compile(r"^org[./]apache[./](catalina|coyote|tomcat)")),
    ("Populus", re.compile(r"^org[./]populus")),
    ("Thymeleaf", re.compile(r"^org[./](thymeleaf|attoparser|unbescape)")),
    ("virtual threads / scheduling", re.compile(r"^(java[./]lang[./]VirtualThread|jdk[./]internal[./]vm[./]Continuation|java[./]util[./]concurrent[./](ForkJoin|locks))")),
    ("JDK I/O (NIO, sockets)", re.compile(r"^(sun[./]nio|java[./]nio|sun[./]net|java[./]net)")),
]
def category(stack):
    frames = stack.split(";")
    thread = frames[0] if frames and frames[0].startswith("[") else ""
    if re.search(r"GC|G1|Parallel", thread) and "tid=" in thread or re.match(r"\[(GC|ParGC|G1)", thread):
        return "GC"
    if re.search(r"C1 Compiler|C2 Compiler|Compiler", thread):
        return "JIT compiler"
    for f in reversed(frames):
        for name, rx in CATS:
            if rx.search(f):
                return name
    if any("GCTask" in f or "ParallelScavenge" in f or "PSScavenge" in f or "G1" in f for f in frames):
        return "GC"
    if any("CompileBroker" in f for f in frames):
        return "JIT compiler"
    if any(f.startswith("java") or f.startswith("jdk") or f.startswith("sun") for f in frames):
        return "JDK other"
    return "JVM/native other"
totals = collections.Counter(); n = 0
for path in sys.argv[1:]:
    for line in open(path):
        line = line.rstrip("\n")
        if not line: continue
        stack, _, count = line.rpartition(" ")
        c = int(count); n += c; totals[category(stack)] += c
for name, c in totals.most_common():
    print(f"{name:32s} {100.0*c/n:5.1f} %")
print(f"{'samples':32s} {n}")
