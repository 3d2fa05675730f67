#!/usr/bin/env python3
"""Writes N long rides at 1 Hz as {"Workout", "WorkoutSamples"} files for `pelo-sim --workouts-from`.

    bench/gen_long_rides.py OUT_DIR [--rides 8] [--seconds 10800] [--seed 1]

Each file takes the recorded cycling workout of peloton-to-garmin (../shared/fixtures) as its
template, so every field Peloton sends is there, and replaces the ride's identity, times, class
length and the five 1 Hz series (output, cadence, resistance, speed, heart rate) with a
deterministic, plausible endurance ride: a warm-up ramp, endurance riding with threshold
intervals and sprints, short coasting stops, a cool-down, heart rate lagging the power with
cardiac drift. The summaries, averages, maxima and heart-rate zone durations are recomputed from
the series, so they agree with what pelo computes.
"""

import argparse
import copy
import json
import math
import os
import random
import sys

TEMPLATE = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "fixtures", "peloton",
    "peloton-to-garmin", "src", "UnitTests", "Data", "p2g_workouts", "cycling_workout.json")
FTP = 230
FIRST_START = 1793966400  # 2026-11-06 12:00 UTC, 07:00 at the template's Etc/GMT+5


def power_series(rng, seconds):
    """Watts per second: plan (warm-up, endurance, intervals, sprints, cool-down) plus noise."""
    warm = min(600, seconds // 6)
    cool = min(600, seconds // 6)
    plan = []
    for t in range(seconds):
        if t < warm:
            target = 100 + 0.6 * FTP * t / warm
        elif t >= seconds - cool:
            target = 0.65 * FTP - 0.25 * FTP * (t - (seconds - cool)) / cool
        else:
            main = t - warm
            block = main % 900  # every 15 minutes: 4 min at threshold, then 30 s sprint later
            if block < 240 and main >= 900:
                target = FTP * rng.uniform(0.98, 1.02) if block == 0 else plan[-1]
            elif 600 <= block < 615 and (main // 900) % 2 == 1:
                target = 2.2 * FTP
            else:
                target = 0.68 * FTP
        plan.append(target)
    watts = []
    drift = 0.0
    coast = 0
    for t, target in enumerate(plan):
        drift = 0.97 * drift + rng.gauss(0, 3.0)  # slow wander around the plan
        if coast == 0 and warm < t < seconds - cool and rng.random() < 1 / 1500:
            coast = rng.randint(3, 20)  # a drink, a stretch: pedals stop
        if coast > 0:
            coast -= 1
            watts.append(0)
            continue
        w = target + drift + rng.gauss(0, 0.04 * target)
        watts.append(max(0, int(round(w))))
    return watts


def cadence_series(rng, watts):
    out = []
    wander = 0.0
    for w in watts:
        wander = 0.98 * wander + rng.gauss(0, 0.6)
        if w == 0:
            out.append(0)
            continue
        base = 84 + 12 * min(1.0, max(0.0, (w - 0.7 * FTP) / (1.3 * FTP)))
        out.append(max(40, int(round(base + wander + rng.gauss(0, 1.2)))))
    return out


def resistance_series(watts, cadence):
    return [0 if c == 0 else min(100, max(0, int(round(10 + 18 * math.sqrt(w / c)))))
            for w, c in zip(watts, cadence)]


def speed_series(watts):
    return [round(3.4 * w ** (1 / 3), 1) if w > 0 else 0.0 for w in watts]  # mph


def heart_rate_series(rng, watts):
    hr = 75.0
    out = []
    smooth = float(watts[0])
    for t, w in enumerate(watts):
        smooth += (w - smooth) / 20  # heart rate answers a change of power within a minute
        target = 62 + 110 * (1 - math.exp(-smooth / 170)) + 10 * t / len(watts)  # + drift
        hr += (target - hr) / 25
        out.append(int(round(hr + rng.gauss(0, 0.7))))
    return out


def metric(template, values):
    m = copy.deepcopy(template)
    m["values"] = values
    m["max_value"] = max(values)
    avg = sum(values) / len(values)
    m["average_value"] = round(avg, 1) if isinstance(values[0], float) else int(round(avg))
    return m


def heart_rate_zones(template_zones, hr):
    zones = copy.deepcopy(template_zones)
    for z in zones:
        z["duration"] = sum(1 for v in hr if z["min_value"] <= v <= z["max_value"])
    return zones


def hex_id(rng):
    return "%032x" % rng.getrandbits(128)


def make_ride(template, index, seconds, seed):
    rng = random.Random(seed * 1000003 + index)
    doc = {"Workout": copy.deepcopy(template["Workout"]),
           "WorkoutSamples": copy.deepcopy(template["WorkoutSamples"])}
    w = doc["Workout"]
    s = doc["WorkoutSamples"]

    watts = power_series(rng, seconds)
    cadence = cadence_series(rng, watts)
    resistance = resistance_series(watts, cadence)
    speed = speed_series(watts)
    hr = heart_rate_series(rng, watts)

    start = FIRST_START + 86400 * index
    w["id"] = hex_id(rng)
    w["created_at"] = w["created"] = start - 61
    w["device_time_created_at"] = start - 61 - 5 * 3600
    w["start_time"] = start
    w["end_time"] = start + seconds
    w["total_work"] = float(sum(watts))
    w["ftp_info"] = {"ftp": FTP, "ftp_source": "ftp_manual_source", "ftp_workout_id": None}
    w["total_video_watch_time_seconds"] = w["v2_total_video_watch_time_seconds"] = seconds + 60
    w["leaderboard_rank"] = 1 + index
    ride = w["ride"]
    ride["id"] = hex_id(rng)
    minutes = seconds // 60
    ride["title"] = "%d min Endurance Ride" % minutes
    ride["duration"] = seconds
    ride["length"] = seconds + 194
    ride["pedaling_start_offset"] = 60
    ride["pedaling_end_offset"] = 60 + seconds
    ride["pedaling_duration"] = seconds
    ride["original_air_time"] = ride["scheduled_start_time"] = start - 86400 * 30

    warm = min(600, seconds // 6)
    cool = min(600, seconds // 6)
    seg = s["segment_list"]  # warm-up, cycling, cool-down in the template
    seg[0]["start_time_offset"], seg[0]["length"] = 0, warm
    seg[1]["start_time_offset"], seg[1]["length"] = warm, seconds - warm - cool
    seg[2]["start_time_offset"], seg[2]["length"] = seconds - cool, cool

    s["duration"] = seconds
    s["seconds_since_pedaling_start"] = list(range(1, seconds + 1))
    by_slug = {m["slug"]: m for m in s["metrics"]}
    series = {"output": watts, "cadence": cadence, "resistance": resistance, "speed": speed,
              "heart_rate": hr}
    s["metrics"] = [metric(by_slug[slug], values) for slug, values in series.items()]
    hr_metric = s["metrics"][-1]
    hr_metric["zones"] = heart_rate_zones(by_slug["heart_rate"]["zones"], hr)

    averages = {"avg_output": round(sum(watts) / seconds),
                "avg_cadence": round(sum(cadence) / seconds),
                "avg_resistance": round(sum(resistance) / seconds),
                "avg_speed": round(sum(speed) / seconds, 1)}
    for a in s["average_summaries"]:
        a["value"] = averages.get(a["slug"], a["value"])
    totals = {"total_output": round(sum(watts) / 1000),
              "distance": round(sum(speed) / 3600, 2),
              "calories": round(sum(watts) / 1000 * 1.1)}
    for a in s["summaries"]:
        a["value"] = totals.get(a["slug"], a["value"])
    return doc


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--rides", type=int, default=8)
    parser.add_argument("--seconds", type=int, default=10800)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.rides < 1 or args.seconds < 60:
        sys.exit("gen_long_rides: --rides >= 1 and --seconds >= 60")
    with open(TEMPLATE, encoding="utf-8") as f:
        template = json.load(f)
    os.makedirs(args.out_dir, exist_ok=True)
    for i in range(args.rides):
        doc = make_ride(template, i, args.seconds, args.seed)
        path = os.path.join(args.out_dir, "ride_%03d.json" % i)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, separators=(",", ":"))
        print(path, doc["Workout"]["id"])


if __name__ == "__main__":
    main()
