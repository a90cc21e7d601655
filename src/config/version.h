// Terraform's version constraints ("= 1.2", "!= 1.3.1", "> 1", ">= 1.3, < 2.0", "~> 1.5.0"):
// `required_version` is checked against the Terraform version Formwork claims to be
// compatible with, and required_providers version strings are checked for syntax.
//
// Syntax (hashicorp/go-version, as Terraform uses it): comma-separated constraints, each an
// optional operator (=, !=, >, >=, <, <=, ~>; none means =) and a version of one to three
// numeric segments with an optional "-prerelease" and "+metadata". Missing segments are zero.
// `~> 1.2` allows >= 1.2 and < 2.0; `~> 1.2.3` allows >= 1.2.3 and < 1.3.0. Pre-releases order
// before their release. Metadata is ignored.
//
// Thread-safety: pure functions and constants.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace fw::config {

// The Terraform version whose language Formwork implements; `required_version` constraints are
// checked against it.
inline constexpr std::string_view kTerraformVersion = "1.5.7";

struct Version {
  long long segments[3] = {0, 0, 0};
  int given = 0;           // how many segments were written (1–3)
  std::string prerelease;  // without the "-"

  std::string ToString() const;
};

// Compares by segments, then a pre-release before its release, then pre-release text
// (dot-separated parts, numeric parts numerically).
int CompareVersions(const Version& a, const Version& b);

std::optional<Version> ParseVersion(std::string_view text);

enum class ConstraintOp { kEqual, kNotEqual, kGreater, kGreaterEqual, kLess, kLessEqual, kPessimistic };

struct VersionConstraint {
  ConstraintOp op = ConstraintOp::kEqual;
  Version version;
  bool Allows(const Version& v) const;
};

// Parses a constraint string; the error message says what is wrong ("Malformed constraint:
// ...").
Result<std::vector<VersionConstraint>> ParseVersionConstraints(std::string_view text);

// Whether `v` meets every constraint.
bool AllowsVersion(const std::vector<VersionConstraint>& constraints, const Version& v);

// The Formwork-compatible Terraform version (kTerraformVersion), parsed.
const Version& TerraformVersion();

}  // namespace fw::config
