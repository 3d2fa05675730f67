#include "pelo/http/http_date.h"

#include <gtest/gtest.h>

namespace pelo::http {
namespace {

TEST(HttpDate, ReadsTheThreeFormsOfRfc9110) {
  EXPECT_EQ(ParseHttpDate("Wed, 21 Oct 2015 07:28:00 GMT"), 1445412480);
  EXPECT_EQ(ParseHttpDate("Wednesday, 21-Oct-15 07:28:00 GMT"), 1445412480);
  EXPECT_EQ(ParseHttpDate("Wed Oct 21 07:28:00 2015"), 1445412480);
}

TEST(HttpDate, ReadsTheLooseCookieFormAndDatesBefore1970) {
  EXPECT_EQ(ParseHttpDate("Wed, 21-Oct-2015 07:28:00 GMT"), 1445412480);
  EXPECT_EQ(ParseHttpDate("Thu, 01 Jan 1970 00:00:00 GMT"), 0);
  EXPECT_EQ(ParseHttpDate("Wed, 31 Dec 1969 23:00:00 GMT"), -3600);
}

TEST(HttpDate, TextThatIsNotADateIsNothing) {
  EXPECT_FALSE(ParseHttpDate("").has_value());
  EXPECT_FALSE(ParseHttpDate("soon").has_value());
}

}  // namespace
}  // namespace pelo::http
