# Expected values for random_ride_test.cc, computed with the Appendix A reference of
# analytics.md (read from the shared docs, so the two cannot drift apart).
# Run: python3 tests/unit/analytics/random_ride.py [path/to/analytics.md]
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
doc = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "../../../../shared/docs/analytics.md")
text = open(doc).read()
code = text.split("```python\n", 1)[1].split("# ================= TEST VECTORS", 1)[0]
exec(code)

def lcg(state):
    return (state * 1664525 + 1013904223) & 0xFFFFFFFF

N = 4000
x = 12345
P, H, CAD = [], [], []
for i in range(N):
    x = lcg(x)
    base = 300 if i % 600 < 120 else 170
    p = base + (x >> 16) % 81 - 40
    if i % 97 == 0: p = 0
    if 3000 <= i < 3008: p = 700
    x = lcg(x)
    h = 120 + (30 * i) // N + (x >> 8) % 7
    if 2100 <= i < 2110: h = 0
    P.append(float(p)); H.append(float(h)); CAD.append(85.0 if p > 0 else 0.0)

FTP, HRMAX, REST, LTHR = 240, 185, 50, 165
print("avg %.10f nz %.10f kj %.10f" % (avg_power(P), nonzero_avg(P), kj(P)))
print("mmp", ["%.10f" % mmp(P, d) for d in [1,5,30,60,300,1200,3600]])
npc = np_coggan(P)
print("np %.10f np_gc %.10f xp %.10f tss %.10f" % (npc, np_gc(P), xpower_gc(P), tss(npc, FTP, N)))
print("tiz", time_in_zones(P, FTP, PELOTON_PZ))
print("hrtiz", time_in_zones(H, HRMAX, PELOTON_HRZ, skip_zero=True))
ah = avg_hr(H)
moving = sum(1 for c in CAD if c > 0)
t = trimp(moving / 60.0, ah, REST, HRMAX)
print("avghr %.10f dec %.10f moving %d trimp %.10f trimp100 %.10f" %
      (ah, decoupling(P, H), moving, t, 100 * t / trimp(60, LTHR, REST, HRMAX)))
for name, fr, ml, mg in (("hi", 1.05, 30, 5), ("thr", 0.90, 180, 10), ("sprint", 1.50, 5, 1)):
    iv = detect_intervals(P, FTP, fr, ml, mg)
    print(name, len(iv), [(a, b, n, "%.10f" % m) for a, b, n, m in iv])
print("thi", sum(1 for v in P if 100 * v >= 105 * FTP))
# every_n = 5: 5 s means, hold-expanded.
P5 = [sum(P[i:i+5]) / 5 for i in range(0, N, 5)]
E = expand_every_n(P5, 5)
print("n5 avg %.10f kj %.10f np %.10f xp %.10f" % (avg_power(E), kj(P5, 5), np_coggan(E), xpower_gc(E)))
print("n5 mmp", ["%.10f" % mmp(E, d) for d in [1,5,30,60,300,1200,3600]])
print("n5 tiz", time_in_zones(P5, FTP, PELOTON_PZ, dt=5))
