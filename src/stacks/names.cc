#include "stacks/names.h"

#include <set>
#include <string>

namespace fw::stacks {
namespace {

// Decodes one UTF-8 code point at `i`, advancing it; -1 when invalid.
int64_t NextCodePoint(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return -1;
  }
  int64_t cp = len == 1 ? c : (c & (0xFF >> (len + 1)));
  for (int k = 1; k < len; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc >> 6) != 0x2) {
      ++i;
      return -1;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += len;
  return cp;
}

bool IsAsciiLetter(int64_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsCjk(int64_t c) { return c >= 0x4E00 && c <= 0x9FA5; }

}  // namespace

size_t CharacterCount(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    NextCodePoint(s, i);
    ++n;
  }
  return n;
}

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (NextCodePoint(s, i) < 0) return false;
  }
  return true;
}

Status ValidateName(std::string_view field, std::string_view name) {
  std::string f(field);
  if (name.empty()) return InvalidArgument(f + " must not be empty", "RF.10011006");
  if (CharacterCount(name) > 128) {
    return InvalidArgument(f + " is longer than 128 characters", "RF.10011005");
  }
  bool first = true;
  for (size_t i = 0; i < name.size();) {
    int64_t c = NextCodePoint(name, i);
    bool ok = IsAsciiLetter(c) || IsCjk(c) ||
              (!first && ((c >= '0' && c <= '9') || c == '_' || c == '-'));
    if (!ok) {
      return InvalidArgument(f + " must start with a Chinese character or a letter and contain "
                                 "only Chinese characters, letters, digits, underscores and "
                                 "hyphens",
                             "RF.10011010");
    }
    first = false;
  }
  return Status::Ok();
}

Status ValidateDescription(std::string_view description) {
  if (CharacterCount(description) > 1024) {
    return InvalidArgument("description is longer than 1024 characters", "RF.10011005");
  }
  return Status::Ok();
}

Status ValidateAgencies(const std::vector<Agency>& agencies) {
  if (agencies.size() > 10) {
    return InvalidArgument("at most 10 agencies are allowed", "RF.10011028");
  }
  std::set<std::string> providers;
  for (const Agency& a : agencies) {
    if (a.provider_name.empty() || CharacterCount(a.provider_name) > 128) {
      return InvalidArgument("agencies.provider_name must have 1 to 128 characters",
                             "RF.10011028");
    }
    if (!providers.insert(a.provider_name).second) {
      return InvalidArgument("provider_name " + a.provider_name + " appears in more than one agency",
                             "RF.10011065");
    }
    if (a.agency_name.empty() == a.agency_urn.empty()) {
      return InvalidArgument("each agency needs exactly one of agency_name and agency_urn",
                             "RF.10011028");
    }
    if (CharacterCount(a.agency_name) > 64) {
      return InvalidArgument("agencies.agency_name is longer than 64 characters", "RF.10011005");
    }
  }
  return Status::Ok();
}

}  // namespace fw::stacks
