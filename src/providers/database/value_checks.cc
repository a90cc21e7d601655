#include "providers/database/value_checks.h"

#include <regex>
#include <string>

namespace fw::providers::database {

ValueCheck LetterFirstName(size_t min, size_t max) {
  return [min, max](const hcl::Value& v) -> std::string {
    static const std::regex kName("[A-Za-z][A-Za-z0-9_-]*");
    const std::string& s = v.AsString();
    if (s.size() < min || s.size() > max || !std::regex_match(s, kName)) {
      return "the name must be " + std::to_string(min) + " to " + std::to_string(max) +
             " characters long, start with a letter and contain only letters, digits, "
             "hyphens (-) and underscores (_), got " + s;
    }
    return "";
  };
}

ValueCheck LowercaseName(size_t min, size_t max) {
  return [min, max](const hcl::Value& v) -> std::string {
    static const std::regex kName("[a-z]([a-z0-9-]*[a-z0-9])?");
    const std::string& s = v.AsString();
    if (s.size() < min || s.size() > max || !std::regex_match(s, kName)) {
      return "the name must be " + std::to_string(min) + " to " + std::to_string(max) +
             " characters long, start with a lowercase letter, not end with a hyphen and "
             "contain only lowercase letters, digits and hyphens (-), got " + s;
    }
    return "";
  };
}

ValueCheck MultipleOf(int64_t step) {
  return [step](const hcl::Value& v) -> std::string {
    auto i = v.AsNumber().ToInt64();
    if (!i || *i % step != 0) {
      return "expected a multiple of " + std::to_string(step) + ", got " +
             v.AsNumber().ToString();
    }
    return "";
  };
}

ValueCheck BackupWindow() {
  return [](const hcl::Value& v) -> std::string {
    static const std::regex kWindow("([01][0-9]|2[0-3]):(00|15|30|45)-([01][0-9]|2[0-3]):(00|15|30|45)");
    const std::string& s = v.AsString();
    std::smatch m;
    const std::string bad = "the backup window must be hh:mm-HH:MM, one hour long, with minutes "
                            "00, 15, 30 or 45 (e.g. 08:15-09:15), got " + s;
    if (!std::regex_match(s, m, kWindow)) return bad;
    int start = std::stoi(m[1].str()), end = std::stoi(m[3].str());
    if ((start + 1) % 24 != end || m[2].str() != m[4].str()) return bad;
    return "";
  };
}

ValueCheck TimeOfDay() {
  return [](const hcl::Value& v) -> std::string {
    static const std::regex kTime("([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?");
    if (std::regex_match(v.AsString(), kTime)) return "";
    return "expected a time of day (HH:MM or HH:MM:SS), got " + v.AsString();
  };
}

void ReportConfigCheck(const Status& check, std::string_view what, std::string_view address,
                       hcl::Diagnostics& diags) {
  if (check.ok()) return;
  diags.AddError("Invalid " + std::string(what) + " configuration",
                 std::string(address) + ": " + check.message() + ".", std::nullopt);
}

}  // namespace fw::providers::database
