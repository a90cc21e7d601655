#include "providers/utility/time_formats.h"

#include <cstdio>

namespace fw::providers::utility {

namespace {

using namespace std::chrono;

bool Digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

std::optional<Rfc3339Time> ParseRfc3339(std::string_view s) {
  int y, mo, d, h, mi, sec;
  if (!Digits(s, 0, 4, y) || s.size() < 20 || s[4] != '-' || !Digits(s, 5, 2, mo) ||
      s[7] != '-' || !Digits(s, 8, 2, d) || s[10] != 'T' || !Digits(s, 11, 2, h) ||
      s[13] != ':' || !Digits(s, 14, 2, mi) || s[16] != ':' || !Digits(s, 17, 2, sec)) {
    return std::nullopt;
  }
  year_month_day date{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!date.ok() || h > 23 || mi > 59 || sec > 59) return std::nullopt;
  size_t pos = 19;
  nanoseconds fraction{0};
  if (s[pos] == '.') {
    ++pos;
    size_t start = pos;
    int64_t scale = 100000000;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      fraction += nanoseconds((s[pos] - '0') * scale);
      scale /= 10;
      ++pos;
    }
    if (pos == start || pos - start > 9) return std::nullopt;
  }
  seconds offset{0};
  if (pos < s.size() && s[pos] == 'Z' && pos + 1 == s.size()) {
    // UTC
  } else if (pos + 6 == s.size() && (s[pos] == '+' || s[pos] == '-') && s[pos + 3] == ':') {
    int oh, om;
    if (!Digits(s, pos + 1, 2, oh) || !Digits(s, pos + 4, 2, om) || oh > 23 || om > 59) {
      return std::nullopt;
    }
    offset = hours(oh) + minutes(om);
    if (s[pos] == '-') offset = -offset;
  } else {
    return std::nullopt;
  }
  sys_time<nanoseconds> local = sys_days(date) + hours(h) + minutes(mi) + seconds(sec) + fraction;
  Rfc3339Time t;
  t.instant = time_point_cast<TimePoint::duration>(local - offset);
  t.offset = offset;
  return t;
}

CivilTime ToCivil(const Rfc3339Time& t) {
  auto local = floor<seconds>(t.instant) + t.offset;
  auto days = floor<std::chrono::days>(local);
  year_month_day date(days);
  hh_mm_ss<seconds> clock(local - days);
  return CivilTime{static_cast<int>(date.year()), static_cast<int>(unsigned(date.month())),
                   static_cast<int>(unsigned(date.day())), static_cast<int>(clock.hours().count()),
                   static_cast<int>(clock.minutes().count()),
                   static_cast<int>(clock.seconds().count())};
}

std::string FormatRfc3339(const Rfc3339Time& t) {
  CivilTime c = ToCivil(t);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", c.year, c.month, c.day, c.hour,
                c.minute, c.second);
  std::string out = buf;
  if (t.offset.count() == 0) return out + "Z";
  int64_t off = t.offset.count();
  char sign = off < 0 ? '-' : '+';
  if (off < 0) off = -off;
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", sign, static_cast<int>(off / 3600),
                static_cast<int>(off % 3600 / 60));
  return out + buf;
}

std::optional<nanoseconds> ParseSleepDuration(std::string_view s) {
  size_t pos = 0;
  int64_t whole = 0;
  while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
    if (whole > 1'000'000'000'000LL) return std::nullopt;  // far beyond any sensible sleep
    whole = whole * 10 + (s[pos++] - '0');
  }
  if (pos == 0) return std::nullopt;
  long double value = static_cast<long double>(whole);
  if (pos < s.size() && s[pos] == '.') {
    size_t start = ++pos;
    long double scale = 0.1L;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      value += (s[pos++] - '0') * scale;
      scale /= 10;
    }
    if (pos == start) return std::nullopt;
  }
  std::string_view unit = s.substr(pos);
  long double unit_ns;
  if (unit == "ms") {
    unit_ns = 1e6L;
  } else if (unit == "s") {
    unit_ns = 1e9L;
  } else if (unit == "m") {
    unit_ns = 60e9L;
  } else if (unit == "h") {
    unit_ns = 3600e9L;
  } else {
    return std::nullopt;
  }
  long double ns = value * unit_ns;
  if (ns > 9.2e18L) return std::nullopt;  // Go's Duration overflows too
  return nanoseconds(static_cast<int64_t>(ns));
}

}  // namespace fw::providers::utility
