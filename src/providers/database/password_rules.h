// The password complexity rules of the database services, as schema value checks. Messages
// describe the rule and never repeat the password.
//
// Thread-safety: pure functions.
#pragma once

#include <string>

#include "providers/schema.h"

namespace fw::providers::database {

struct PasswordRule {
  size_t min_length = 8;
  size_t max_length = 32;
  std::string specials;  // the special characters allowed
  int min_kinds = 3;     // of: lowercase, uppercase, digit, special
};

// RDS: 8 to 32 characters, three kinds, specials ~!@#%^*-_=+?,
const PasswordRule& RdsPasswordRule();
// DCS Redis: 8 to 64 characters, three kinds, specials `~!@#$^&*()-_=+\|{}:,<.>/?
const PasswordRule& DcsPasswordRule();
// CCE node login: 8 to 26 characters, three kinds, specials !@$%^-_=+[{}]:,./?
const PasswordRule& CceNodePasswordRule();

// "" when `password` satisfies `rule`, otherwise what is wrong (without the password).
std::string CheckPassword(const PasswordRule& rule, const std::string& password);
ValueCheck PasswordCheck(const PasswordRule& rule);

}  // namespace fw::providers::database
