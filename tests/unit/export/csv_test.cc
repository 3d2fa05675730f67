#include "pelo/export/csv.h"

#include <gtest/gtest.h>

#include <charconv>
#include <sstream>

namespace pelo::exporter {
namespace {

TEST(CsvEscape, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(CsvEscape("30 min Power Zone Ride"), "30 min Power Zone Ride");
  EXPECT_EQ(CsvEscape(""), "");
  EXPECT_EQ(CsvEscape("Intervals, Arms"), "\"Intervals, Arms\"");
  EXPECT_EQ(CsvEscape("the \"PZ\" ride"), "\"the \"\"PZ\"\" ride\"");
  EXPECT_EQ(CsvEscape("line\nbreak"), "\"line\nbreak\"");
  EXPECT_EQ(CsvEscape("cr\rhere"), "\"cr\rhere\"");
  EXPECT_EQ(CsvEscape("Café ✓"), "Café ✓");  // UTF-8 passes through
}

TEST(FormatNumber, ShortestTextToFifteenSignificantDigits) {
  EXPECT_EQ(FormatNumber(142.0), "142");
  EXPECT_EQ(FormatNumber(18.6), "18.6");
  EXPECT_EQ(FormatNumber(-2.5), "-2.5");
  EXPECT_EQ(FormatNumber(0.0), "0");
  EXPECT_EQ(FormatNumber(-0.0), "0");
  EXPECT_EQ(FormatNumber(256256.99), "256256.99");
  EXPECT_EQ(FormatNumber(1605668833.0), "1605668833");
  EXPECT_EQ(FormatNumber(0.001), "0.001");
  EXPECT_EQ(FormatNumber(std::nullopt), "");
  EXPECT_EQ(FormatNumber(std::numeric_limits<double>::quiet_NaN()), "");
  // Binary noise past 15 significant digits (unit conversions make it) is not written...
  EXPECT_EQ(FormatNumber(0.1 + 0.2), "0.3");
  EXPECT_EQ(FormatNumber(16.5 * 1.609344), "26.554176");
  // ...but every digit a double really holds is.
  EXPECT_EQ(FormatNumber(9.31 * 1.609344), "14.98299264");
  EXPECT_EQ(FormatNumber(123456789.123456), "123456789.123456");
  EXPECT_EQ(FormatNumber(1e300), "1e+300");  // no 300-digit cells
}

TEST(WorkoutsCsv, HeaderOrderAndRow) {
  model::WorkoutRow row;
  row.workout_id = "19bc";
  row.peloton_id = "71f6";
  row.end_time = 1605668833;
  row.duration = 1800;
  row.total_output = 256;
  row.max_output = 501;
  row.average_output = 142;
  row.average_cadence = 86;
  row.max_resistance = 58;
  row.average_resistance = 43;
  row.average_heart_rate = 153;
  row.max_heart_rate = 185;
  row.discipline = "cycling";
  row.title = "30 min \"Power\" Zone, Ride";
  row.instructor = "Olivia Amato";
  row.start_time = 1605667034;
  row.distance_km = 9.31 * 1.609344;
  row.calories_kcal = 531;
  row.ftp = 231;
  model::WorkoutRow empty;
  empty.workout_id = "e";
  std::ostringstream out;
  WriteWorkoutsCsv({row, empty}, out);
  EXPECT_EQ(out.str(),
            "workout_id,peloton_id,date,duration,total_output,max_output,average_output,"
            "average_cadence,max_resistance,average_resistance,average_heart_rate,"
            "max_heart_rate,discipline,title,instructor,start_time,distance_km,calories_kcal,"
            "ftp\n"
            "19bc,71f6,2020-11-18 03:07:13,1800,256,501,142,86,58,43,153,185,cycling,"
            "\"30 min \"\"Power\"\" Zone, Ride\",Olivia Amato,2020-11-18T02:37:14Z,"
            "14.98299264,531,231\n"
            "e,,,,,,,,,,,,,,,,,,\n");
  EXPECT_EQ(WorkoutColumns().size(), 19u);
}

TEST(SamplesCsv, HeaderAndRowsWithEmptyCells) {
  std::ostringstream out;
  WriteSampleCsvHeader(out);
  model::SampleRow row;
  row.workout_id = "w";
  row.t_s = 5;
  row.output_w = 153;
  row.speed_kph = 19.3 * 1.609344;
  row.split_pace_s_per_500m = 364.8;
  WriteSampleCsvRow(row, out);
  EXPECT_EQ(out.str(),
            "workout_id,t_s,output_w,cadence_rpm,resistance_pct,speed_kph,heart_rate_bpm,"
            "incline_pct,pace_min_per_km,altitude_m,stroke_rate_spm,split_pace_s_per_500m\n"
            "w,5,153,,," +
                FormatNumber(19.3 * 1.609344) + ",,,,,,364.8\n");
  EXPECT_EQ(SampleColumns().size(), 12u);
}

}  // namespace
}  // namespace pelo::exporter
