// Terraform's date and time functions: formatdate, timeadd, timecmp (timestamp and
// plantimestamp are context functions).
#include <cstdio>

#include "hcl/functions/datetime_internal.h"
#include "hcl/functions/encoding_internal.h"
#include "hcl/functions/function.h"

namespace fw::hcl {
namespace {

using datetime_internal::Civil;
using datetime_internal::Timestamp;
using encoding_internal::ArgError;
using encoding_internal::GoQuote;

constexpr const char* kMonths[] = {"January", "February", "March",     "April",
                                   "May",     "June",     "July",      "August",
                                   "September", "October", "November", "December"};
constexpr const char* kWeekdays[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                     "Thursday", "Friday", "Saturday"};

std::string Pad2(int64_t v) {
  char buf[24];
  snprintf(buf, sizeof buf, "%02lld", static_cast<long long>(v));
  return buf;
}

std::string Offset(const Timestamp& t, bool colon) {
  int off = t.offset_seconds < 0 ? -t.offset_seconds : t.offset_seconds;
  return std::string(1, t.offset_seconds < 0 ? '-' : '+') + Pad2(off / 3600) +
         (colon ? ":" : "") + Pad2(off % 3600 / 60);
}

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

Result<std::string> FormatDate(std::string_view format, const Timestamp& t) {
  const Civil c = datetime_internal::ToCivil(t);
  auto verb_error = [](std::string_view tok, const std::string& rest) {
    return ArgError("format", "invalid date format verb " + GoQuote(tok) + rest);
  };
  std::string out;
  size_t i = 0;
  while (i < format.size()) {
    char ch = format[i];
    if (ch == '\'') {
      if (i + 1 < format.size() && format[i + 1] == '\'') {
        out += '\'';
        i += 2;
        continue;
      }
      size_t j = i + 1;
      std::string literal;
      bool closed = false;
      while (j < format.size()) {
        if (format[j] == '\'') {
          if (j + 1 < format.size() && format[j + 1] == '\'') {
            literal += '\'';
            j += 2;
            continue;
          }
          closed = true;
          ++j;
          break;
        }
        literal += format[j++];
      }
      if (!closed) return ArgError("format", "unterminated literal '");
      out += literal;
      i = j;
      continue;
    }
    if (!IsLetter(ch)) {
      size_t j = i;
      while (j < format.size() && format[j] != '\'' && !IsLetter(format[j])) ++j;
      out.append(format.substr(i, j - i));
      i = j;
      continue;
    }
    size_t j = i;
    while (j < format.size() && format[j] == ch) ++j;
    std::string_view tok = format.substr(i, j - i);
    size_t n = tok.size();
    i = j;
    switch (ch) {
      case 'Y':
        if (n == 2) {
          out += Pad2(((c.year % 100) + 100) % 100);
        } else if (n == 4) {
          char buf[24];
          snprintf(buf, sizeof buf, "%04lld", static_cast<long long>(c.year));
          out += buf;
        } else {
          return verb_error(tok, ": year must either be \"YY\" or \"YYYY\"");
        }
        break;
      case 'M':
        if (n == 1) {
          out += std::to_string(c.month);
        } else if (n == 2) {
          out += Pad2(c.month);
        } else if (n == 3) {
          out += std::string(kMonths[c.month - 1]).substr(0, 3);
        } else if (n == 4) {
          out += kMonths[c.month - 1];
        } else {
          return verb_error(tok, ": month must be \"M\", \"MM\", \"MMM\", or \"MMMM\"");
        }
        break;
      case 'D':
        if (n > 2) return verb_error(tok, ": day of month must either be \"D\" or \"DD\"");
        out += n == 1 ? std::to_string(c.day) : Pad2(c.day);
        break;
      case 'E':
        if (n == 3) {
          out += std::string(kWeekdays[c.weekday]).substr(0, 3);
        } else if (n == 4) {
          out += kWeekdays[c.weekday];
        } else {
          return verb_error(tok, ": day of week must either be \"EEE\" or \"EEEE\"");
        }
        break;
      case 'h':
        if (n > 2) return verb_error(tok, ": 24-hour must either be \"h\" or \"hh\"");
        out += n == 1 ? std::to_string(c.hour) : Pad2(c.hour);
        break;
      case 'H': {
        if (n > 2) return verb_error(tok, ": 12-hour must either be \"H\" or \"HH\"");
        int h = c.hour % 12;
        if (h == 0) h = 12;
        out += n == 1 ? std::to_string(h) : Pad2(h);
        break;
      }
      case 'A':
      case 'a':
        if (n != 2) {
          return verb_error(tok, ": must be \"" + std::string(2, ch) + "\"");
        }
        out += c.hour < 12 ? (ch == 'A' ? "AM" : "am") : (ch == 'A' ? "PM" : "pm");
        break;
      case 'm':
        if (n > 2) return verb_error(tok, ": minute must either be \"m\" or \"mm\"");
        out += n == 1 ? std::to_string(c.minute) : Pad2(c.minute);
        break;
      case 's':
        if (n > 2) return verb_error(tok, ": second must either be \"s\" or \"ss\"");
        out += n == 1 ? std::to_string(c.second) : Pad2(c.second);
        break;
      case 'Z':
        if (n == 1) {
          out += t.offset_seconds == 0 ? "Z" : Offset(t, true);
        } else if (n == 3) {
          out += t.offset_seconds == 0 ? "UTC" : Offset(t, false);
        } else if (n == 4) {
          out += Offset(t, false);
        } else if (n == 5) {
          out += Offset(t, true);
        } else {
          return verb_error(tok, ": timezone must be Z, ZZZZ, or ZZZZZ");
        }
        break;
      default:
        return verb_error(tok, "");
    }
  }
  return out;
}

FunctionSpec FormatDateFn() {
  FunctionSpec spec;
  spec.name = "formatdate";
  spec.description = "Formats a timestamp given in RFC 3339 syntax into another timestamp syntax.";
  spec.params = {Parameter{.name = "format", .type = Type::String()},
                 Parameter{.name = "time", .type = Type::String()}};
  spec.return_type = StaticReturnType(Type::String());
  spec.impl = [](const std::vector<Value>& args, const Type&) -> Result<Value> {
    Result<Timestamp> t = datetime_internal::ParseRfc3339(args[1].AsString());
    if (!t.ok()) return ArgError("time", t.status().message());
    FW_ASSIGN_OR_RETURN(std::string s, FormatDate(args[0].AsString(), *t));
    return Value::String(std::move(s));
  };
  return spec;
}

FunctionSpec TimeAddFn() {
  FunctionSpec spec;
  spec.name = "timeadd";
  spec.description =
      "Adds the duration represented by the given duration string to the given RFC 3339 "
      "timestamp string, returning another RFC 3339 timestamp.";
  spec.params = {Parameter{.name = "timestamp", .type = Type::String()},
                 Parameter{.name = "duration", .type = Type::String()}};
  spec.return_type = StaticReturnType(Type::String());
  spec.impl = [](const std::vector<Value>& args, const Type&) -> Result<Value> {
    FW_ASSIGN_OR_RETURN(Timestamp t, datetime_internal::ParseRfc3339(args[0].AsString()));
    FW_ASSIGN_OR_RETURN(int64_t d, datetime_internal::ParseDuration(args[1].AsString()));
    int64_t nanos = t.nanos + d % 1000000000;
    int64_t secs = t.unix_seconds + d / 1000000000;
    if (nanos < 0) {
      nanos += 1000000000;
      --secs;
    } else if (nanos >= 1000000000) {
      nanos -= 1000000000;
      ++secs;
    }
    t.unix_seconds = secs;
    t.nanos = static_cast<int32_t>(nanos);
    return Value::String(datetime_internal::FormatRfc3339(t));
  };
  return spec;
}

FunctionSpec TimeCmpFn() {
  FunctionSpec spec;
  spec.name = "timecmp";
  spec.description =
      "Compares two timestamps and returns a number that represents the ordering of the "
      "instants those timestamps represent.";
  spec.params = {Parameter{.name = "timestamp_a", .type = Type::String()},
                 Parameter{.name = "timestamp_b", .type = Type::String()}};
  spec.return_type = StaticReturnType(Type::Number());
  spec.impl = [](const std::vector<Value>& args, const Type&) -> Result<Value> {
    Result<Timestamp> a = datetime_internal::ParseRfc3339(args[0].AsString());
    if (!a.ok()) return ArgError("timestamp_a", a.status().message());
    Result<Timestamp> b = datetime_internal::ParseRfc3339(args[1].AsString());
    if (!b.ok()) return ArgError("timestamp_b", b.status().message());
    auto key = [](const Timestamp& t) { return std::make_pair(t.unix_seconds, t.nanos); };
    if (key(*a) == key(*b)) return Value::Int(0);
    return Value::Int(key(*a) < key(*b) ? -1 : 1);
  };
  return spec;
}

}  // namespace

void RegisterDateTimeFunctions(FunctionRegistry* registry) {
  registry->Register(FormatDateFn());
  registry->Register(TimeAddFn());
  registry->Register(TimeCmpFn());
}

}  // namespace fw::hcl
