// RFC 3339 timestamps and Go durations, with the error messages Terraform's functions give (they
// come from Go's time.Parse walking the layout "2006-01-02T15:04:05Z07:00").
#include <cstdio>

#include "hcl/functions/datetime_internal.h"
#include "hcl/functions/encoding_internal.h"

namespace fw::hcl::datetime_internal {
namespace {

bool IsDigit(std::string_view s, size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

struct ParseFailure {
  std::string layout_elem;
  std::string value_elem;
  std::string message;
};

Status Describe(const ParseFailure& f) {
  const std::string prefix = "not a valid RFC3339 timestamp";
  if (f.layout_elem.empty() && f.value_elem.empty() && !f.message.empty()) {
    return InvalidArgument(prefix + f.message);
  }
  std::string what;
  const std::string& le = f.layout_elem;
  if (le == "2006") {
    what = "year";
  } else if (le == "01") {
    what = "month";
  } else if (le == "02") {
    what = "day of month";
  } else if (le == "15") {
    what = "hour";
  } else if (le == "04") {
    what = "minute";
  } else if (le == "05") {
    what = "second";
  } else if (le == "Z07:00") {
    what = "UTC offset";
  } else if (le == "T") {
    return InvalidArgument(prefix + ": missing required time introducer 'T'");
  } else if (le == ":" || le == "-") {
    if (f.value_elem.empty()) {
      return InvalidArgument(prefix + ": end of string where " + encoding_internal::GoQuote(le) +
                             " is expected");
    }
    return InvalidArgument(prefix + ": found " + encoding_internal::GoQuote(f.value_elem) +
                           " where " + encoding_internal::GoQuote(le) + " is expected");
  } else {
    what = "timestamp segment";
  }
  const std::string& ve = f.value_elem;
  if (ve.empty()) return InvalidArgument(prefix + ": end of string before " + what);
  if (what == "hour" && ve.find(':') != std::string::npos) {
    return InvalidArgument(prefix + ": hour must be between 0 and 23 inclusive");
  }
  if (what == "hour" && ve.size() != 2) {
    return InvalidArgument(prefix + ": hour must have exactly two digits");
  }
  if (what == "minute" && ve.size() != 2) {
    return InvalidArgument(prefix + ": minute must have exactly two digits");
  }
  return InvalidArgument(prefix + ": cannot use " + encoding_internal::GoQuote(ve) + " as " + what);
}

// Go's getnum: one or two digits (exactly two when fixed).
bool GetNum(std::string_view* v, bool fixed, int* out) {
  if (!IsDigit(*v, 0)) return false;
  if (!IsDigit(*v, 1)) {
    if (fixed) return false;
    *out = (*v)[0] - '0';
    v->remove_prefix(1);
    return true;
  }
  *out = ((*v)[0] - '0') * 10 + ((*v)[1] - '0');
  v->remove_prefix(2);
  return true;
}

}  // namespace

int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int DaysIn(int month, int64_t year) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) return 29;
  return kDays[(month - 1) % 12];
}

Civil ToCivil(const Timestamp& t) {
  int64_t local = t.unix_seconds + t.offset_seconds;
  int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  int64_t secs = local - days * 86400;
  Civil c;
  c.hour = static_cast<int>(secs / 3600);
  c.minute = static_cast<int>(secs % 3600 / 60);
  c.second = static_cast<int>(secs % 60);
  c.weekday = static_cast<int>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday
  int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  c.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  c.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  c.year = yoe + era * 400 + (c.month <= 2);
  return c;
}

Result<Timestamp> ParseRfc3339(std::string_view text) {
  std::string_view v = text;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  int64_t nanos = 0;
  auto element_error = [](const char* layout, std::string_view hold) {
    return Describe({layout, std::string(hold), ""});
  };
  auto range_error = [](const char* layout, std::string_view rest, const char* what) {
    return Describe({layout, std::string(rest), std::string(": ") + what + " out of range"});
  };
  auto skip = [&](char c, const char* layout) -> Status {
    if (v.empty() || v[0] != c) return Describe({layout, std::string(v), ""});
    v.remove_prefix(1);
    return Status::Ok();
  };
  // 2006
  if (v.size() < 4 || !IsDigit(v, 0) || !IsDigit(v, 1) || !IsDigit(v, 2) || !IsDigit(v, 3)) {
    return element_error("2006", v);
  }
  year = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
  v.remove_prefix(4);
  FW_RETURN_IF_ERROR(skip('-', "-"));
  std::string_view hold = v;
  if (!GetNum(&v, true, &month)) return element_error("01", hold);
  if (month < 1 || month > 12) return range_error("01", v, "month");
  FW_RETURN_IF_ERROR(skip('-', "-"));
  hold = v;
  if (!GetNum(&v, true, &day)) return element_error("02", hold);
  if (day > 31) return range_error("02", v, "day");
  FW_RETURN_IF_ERROR(skip('T', "T"));
  hold = v;
  if (!GetNum(&v, false, &hour)) return element_error("15", hold);
  if (hour >= 24) return range_error("15", v, "hour");
  bool short_hour = hold.size() - v.size() == 1;
  FW_RETURN_IF_ERROR(skip(':', ":"));
  hold = v;
  if (!GetNum(&v, true, &minute)) return element_error("04", hold);
  if (minute >= 60) return range_error("04", v, "minute");
  FW_RETURN_IF_ERROR(skip(':', ":"));
  hold = v;
  if (!GetNum(&v, true, &second)) return element_error("05", hold);
  if (second >= 60) return range_error("05", v, "second");
  bool comma = false;
  if (v.size() >= 2 && (v[0] == '.' || v[0] == ',') && IsDigit(v, 1)) {
    comma = v[0] == ',';
    size_t n = 1;
    int64_t scale = 100000000;
    while (IsDigit(v, n)) {
      if (n <= 9) {
        nanos += (v[n] - '0') * scale;
        scale /= 10;
      }
      ++n;
    }
    v.remove_prefix(n);
  }
  // Z07:00
  int offset = 0;
  bool utc = false;
  hold = v;
  if (!v.empty() && v[0] == 'Z') {
    utc = true;
    v.remove_prefix(1);
  } else {
    if (v.size() < 6 || v[3] != ':' || (v[0] != '+' && v[0] != '-')) {
      return element_error("Z07:00", hold);
    }
    std::string_view hh = v.substr(1, 2), mm = v.substr(4, 2);
    int oh = 0, om = 0;
    if (!GetNum(&hh, true, &oh) || !GetNum(&mm, true, &om)) return element_error("Z07:00", hold);
    v.remove_prefix(6);
    if (oh > 24) return range_error("Z07:00", v, "time zone offset hour");
    if (om > 60) return range_error("Z07:00", v, "time zone offset minute");
    offset = (oh * 60 + om) * 60 * (hold[0] == '-' ? -1 : 1);
    if (oh >= 24 || om >= 60) {
      return Describe({"Z07:00", std::string(hold.substr(0, 6)), ": timezone out of range"});
    }
  }
  if (!v.empty()) {
    return Describe({"", std::string(v), ": extra text: " + encoding_internal::GoQuote(v)});
  }
  if (day < 1 || day > DaysIn(month, year)) return Describe({"", "", ": day out of range"});
  // Accepted by Go's parser, refused by Terraform's stricter one.
  if (short_hour) {
    return Describe({"15", std::string(text.substr(11, 1)), ": hour must have two digits"});
  }
  if (comma) return Describe({".", ",", ": sub-second separator must be a period"});
  Timestamp t;
  t.unix_seconds = DaysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second -
                   offset;
  t.nanos = static_cast<int32_t>(nanos);
  t.offset_seconds = offset;
  t.utc = utc;
  return t;
}

std::string FormatRfc3339(const Timestamp& t) {
  Civil c = ToCivil(t);
  char buf[64];
  snprintf(buf, sizeof buf, "%04lld-%02d-%02dT%02d:%02d:%02d", static_cast<long long>(c.year),
           c.month, c.day, c.hour, c.minute, c.second);
  std::string out = buf;
  if (t.offset_seconds == 0) return out + "Z";
  int off = t.offset_seconds < 0 ? -t.offset_seconds : t.offset_seconds;
  snprintf(buf, sizeof buf, "%c%02d:%02d", t.offset_seconds < 0 ? '-' : '+', off / 3600,
           off % 3600 / 60);
  return out + buf;
}

Result<int64_t> ParseDuration(std::string_view text) {
  const std::string orig = encoding_internal::GoQuote(text);
  auto invalid = [&] { return InvalidArgument("time: invalid duration " + orig); };
  std::string_view s = text;
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s == "0") return int64_t{0};
  if (s.empty()) return invalid();
  using U128 = unsigned __int128;
  const U128 kLimit = U128{1} << 63;
  U128 total = 0;
  while (!s.empty()) {
    if (!(s[0] == '.' || IsDigit(s, 0))) return invalid();
    uint64_t whole = 0;
    size_t i = 0;
    bool overflow = false;
    while (IsDigit(s, i)) {
      if (whole > (uint64_t{1} << 63) / 10) overflow = true;
      whole = whole * 10 + static_cast<uint64_t>(s[i] - '0');
      if (whole > (uint64_t{1} << 63)) overflow = true;
      ++i;
    }
    if (overflow) return invalid();
    bool had_whole = i > 0;
    uint64_t frac = 0;
    double frac_scale = 1;
    bool had_frac = false;
    if (i < s.size() && s[i] == '.') {
      ++i;
      size_t start = i;
      while (IsDigit(s, i)) {
        if (frac < (uint64_t{1} << 62) / 10) {
          frac = frac * 10 + static_cast<uint64_t>(s[i] - '0');
          frac_scale *= 10;
        }
        ++i;
      }
      had_frac = i > start;
    }
    if (!had_whole && !had_frac) return invalid();
    size_t u = i;
    while (u < s.size() && s[u] != '.' && !IsDigit(s, u)) ++u;
    std::string_view unit = s.substr(i, u - i);
    if (unit.empty()) return InvalidArgument("time: missing unit in duration " + orig);
    uint64_t mult = 0;
    if (unit == "ns") {
      mult = 1;
    } else if (unit == "us" || unit == "\xc2\xb5s" || unit == "\xce\xbcs") {
      mult = 1000;
    } else if (unit == "ms") {
      mult = 1000000;
    } else if (unit == "s") {
      mult = 1000000000;
    } else if (unit == "m") {
      mult = 60ull * 1000000000;
    } else if (unit == "h") {
      mult = 3600ull * 1000000000;
    } else {
      return InvalidArgument("time: unknown unit " + encoding_internal::GoQuote(unit) +
                             " in duration " + orig);
    }
    U128 part = static_cast<U128>(whole) * mult;
    if (part > kLimit) return invalid();
    if (frac > 0) part += static_cast<U128>(static_cast<double>(frac) *
                                                         (static_cast<double>(mult) / frac_scale));
    total += part;
    if (total > kLimit) return invalid();
    s.remove_prefix(u);
  }
  if (!negative && total > kLimit - 1) return invalid();
  int64_t r = total == kLimit ? INT64_MIN : static_cast<int64_t>(total);
  return negative ? (total == kLimit ? INT64_MIN : -r) : r;
}

}  // namespace fw::hcl::datetime_internal
