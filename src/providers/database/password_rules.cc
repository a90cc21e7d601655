#include "providers/database/password_rules.h"

namespace fw::providers::database {

const PasswordRule& RdsPasswordRule() {
  static const PasswordRule kRule{8, 32, "~!@#%^*-_=+?,", 3};
  return kRule;
}

const PasswordRule& DcsPasswordRule() {
  static const PasswordRule kRule{8, 64, "`~!@#$^&*()-_=+\\|{}:,<.>/?", 3};
  return kRule;
}

const PasswordRule& CceNodePasswordRule() {
  static const PasswordRule kRule{8, 26, "!@$%^-_=+[{}]:,./?", 3};
  return kRule;
}

std::string CheckPassword(const PasswordRule& rule, const std::string& password) {
  const std::string what = "the password must be " + std::to_string(rule.min_length) + " to " +
                           std::to_string(rule.max_length) +
                           " characters long and contain at least " +
                           std::to_string(rule.min_kinds) +
                           " of: uppercase letters, lowercase letters, digits and special "
                           "characters (" + rule.specials + ")";
  if (password.size() < rule.min_length || password.size() > rule.max_length) return what;
  bool lower = false, upper = false, digit = false, special = false;
  for (char c : password) {
    if (c >= 'a' && c <= 'z') {
      lower = true;
    } else if (c >= 'A' && c <= 'Z') {
      upper = true;
    } else if (c >= '0' && c <= '9') {
      digit = true;
    } else if (rule.specials.find(c) != std::string::npos) {
      special = true;
    } else {
      return what + "; it contains a character that is not allowed";
    }
  }
  if (lower + upper + digit + special < rule.min_kinds) return what;
  return "";
}

ValueCheck PasswordCheck(const PasswordRule& rule) {
  return [rule](const hcl::Value& v) { return CheckPassword(rule, v.AsString()); };
}

}  // namespace fw::providers::database
