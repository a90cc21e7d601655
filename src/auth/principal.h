// Who is calling: the result of authentication, handed to every handler.
#pragma once

#include <string>

#include "base/clock.h"

namespace fw::auth {

enum class AuthMethod { kToken, kAkSk };

struct Principal {
  AuthMethod method = AuthMethod::kAkSk;
  std::string domain_id;
  std::string domain_name;
  std::string user_id;
  std::string user_name;
  // Token scope: the project of a project-scoped token; empty for a domain-scoped token and
  // for AK/SK (which may act on every project of its domain).
  std::string project_id;
  std::string project_name;
  std::string access_key;  // AK/SK only
};

}  // namespace fw::auth
