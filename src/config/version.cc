#include "config/version.h"

#include <cctype>

namespace fw::config {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool ValidIdentifiers(std::string_view s) {
  // Dot-separated non-empty runs of [0-9A-Za-z-].
  if (s.empty()) return false;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '.') {
      if (i == start) return false;
      start = i + 1;
      continue;
    }
    char c = s[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
  }
  return true;
}

int ComparePrerelease(std::string_view a, std::string_view b) {
  while (true) {
    size_t da = a.find('.');
    size_t db = b.find('.');
    std::string_view pa = a.substr(0, da);
    std::string_view pb = b.substr(0, db);
    bool na = AllDigits(pa);
    bool nb = AllDigits(pb);
    if (na && nb) {
      if (pa.size() != pb.size()) return pa.size() < pb.size() ? -1 : 1;
      if (pa != pb) return pa < pb ? -1 : 1;
    } else if (na != nb) {
      return na ? -1 : 1;  // numeric identifiers order first
    } else if (pa != pb) {
      return pa < pb ? -1 : 1;
    }
    if (da == std::string_view::npos || db == std::string_view::npos) {
      if (da == db) return 0;
      return da == std::string_view::npos ? -1 : 1;
    }
    a.remove_prefix(da + 1);
    b.remove_prefix(db + 1);
  }
}

}  // namespace

std::string Version::ToString() const {
  std::string out = std::to_string(segments[0]) + "." + std::to_string(segments[1]) + "." +
                    std::to_string(segments[2]);
  if (!prerelease.empty()) out += "-" + prerelease;
  return out;
}

int CompareVersions(const Version& a, const Version& b) {
  for (int i = 0; i < 3; ++i) {
    if (a.segments[i] != b.segments[i]) return a.segments[i] < b.segments[i] ? -1 : 1;
  }
  if (a.prerelease.empty() != b.prerelease.empty()) return a.prerelease.empty() ? 1 : -1;
  if (a.prerelease.empty()) return 0;
  return ComparePrerelease(a.prerelease, b.prerelease);
}

std::optional<Version> ParseVersion(std::string_view text) {
  std::string_view s = Trim(text);
  if (!s.empty() && s.front() == 'v') s.remove_prefix(1);
  size_t plus = s.find('+');
  if (plus != std::string_view::npos) {
    if (!ValidIdentifiers(s.substr(plus + 1))) return std::nullopt;
    s = s.substr(0, plus);
  }
  Version v;
  size_t dash = s.find('-');
  if (dash != std::string_view::npos) {
    std::string_view pre = s.substr(dash + 1);
    if (!ValidIdentifiers(pre)) return std::nullopt;
    v.prerelease = std::string(pre);
    s = s.substr(0, dash);
  }
  int n = 0;
  while (true) {
    size_t dot = s.find('.');
    std::string_view part = s.substr(0, dot);
    if (!AllDigits(part) || part.size() > 15 || n == 3) return std::nullopt;
    v.segments[n++] = std::stoll(std::string(part));
    if (dot == std::string_view::npos) break;
    s.remove_prefix(dot + 1);
  }
  v.given = n;
  return v;
}

bool VersionConstraint::Allows(const Version& v) const {
  const int c = CompareVersions(v, version);
  switch (op) {
    case ConstraintOp::kEqual: return c == 0;
    case ConstraintOp::kNotEqual: return c != 0;
    case ConstraintOp::kGreater: return c > 0;
    case ConstraintOp::kGreaterEqual: return c >= 0;
    case ConstraintOp::kLess: return c < 0;
    case ConstraintOp::kLessEqual: return c <= 0;
    case ConstraintOp::kPessimistic: {
      if (c < 0) return false;
      // Every written segment but the last must match (the first always does).
      const int fixed = version.given <= 1 ? 1 : version.given - 1;
      for (int i = 0; i < fixed; ++i) {
        if (v.segments[i] != version.segments[i]) return false;
      }
      return true;
    }
  }
  return false;
}

Result<std::vector<VersionConstraint>> ParseVersionConstraints(std::string_view text) {
  std::vector<VersionConstraint> out;
  size_t start = 0;
  while (true) {
    size_t comma = text.find(',', start);
    std::string_view part =
        Trim(text.substr(start, comma == std::string_view::npos ? std::string_view::npos
                                                                 : comma - start));
    std::string_view original = part;
    VersionConstraint c;
    static constexpr std::pair<std::string_view, ConstraintOp> kOps[] = {
        {"~>", ConstraintOp::kPessimistic}, {">=", ConstraintOp::kGreaterEqual},
        {"<=", ConstraintOp::kLessEqual},   {"!=", ConstraintOp::kNotEqual},
        {">", ConstraintOp::kGreater},      {"<", ConstraintOp::kLess},
        {"=", ConstraintOp::kEqual}};
    for (const auto& op : kOps) {
      if (part.substr(0, op.first.size()) == op.first) {
        c.op = op.second;
        part.remove_prefix(op.first.size());
        break;
      }
    }
    part = Trim(part);
    std::optional<Version> v = part.empty() ? std::nullopt : ParseVersion(part);
    if (!v || (!part.empty() && part.front() == 'v')) {
      return InvalidArgument("Malformed constraint: " + std::string(original));
    }
    c.version = std::move(*v);
    out.push_back(std::move(c));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

bool AllowsVersion(const std::vector<VersionConstraint>& constraints, const Version& v) {
  for (const VersionConstraint& c : constraints) {
    if (!c.Allows(v)) return false;
  }
  return true;
}

const Version& TerraformVersion() {
  static const Version v = *ParseVersion(kTerraformVersion);
  return v;
}

}  // namespace fw::config
