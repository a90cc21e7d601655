#include "providers/utility/bcrypt.h"

#include <crypt.h>

#include <cstring>
#include <memory>

#include "base/ids.h"

namespace fw::providers::utility {

namespace {
std::string Truncated(std::string_view password) {
  return std::string(password.substr(0, 72));
}
}  // namespace

Result<std::string> BcryptHash(std::string_view password, int cost) {
  char random[16];
  RandomBytes(random, sizeof random);
  char setting[CRYPT_GENSALT_OUTPUT_SIZE];
  if (!crypt_gensalt_rn("$2a$", cost, random, sizeof random, setting, sizeof setting)) {
    return Internal("bcrypt: cannot make a salt");
  }
  auto data = std::make_unique<crypt_data>();
  std::memset(data.get(), 0, sizeof(crypt_data));
  const char* hash = crypt_rn(Truncated(password).c_str(), setting, data.get(), sizeof(crypt_data));
  if (!hash || hash[0] == '*') return Internal("bcrypt: hashing failed");
  return std::string(hash);
}

bool BcryptMatches(std::string_view password, const std::string& hash) {
  auto data = std::make_unique<crypt_data>();
  std::memset(data.get(), 0, sizeof(crypt_data));
  const char* again =
      crypt_rn(Truncated(password).c_str(), hash.c_str(), data.get(), sizeof(crypt_data));
  return again && again[0] != '*' && hash == again;
}

}  // namespace fw::providers::utility
