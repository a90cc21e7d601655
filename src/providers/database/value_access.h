// Reading attributes of decoded resource values and building new ones: the small conveniences
// every database-family type uses (a null, unknown or absent attribute reads as empty).
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hcl/value.h"

namespace fw::providers::database {

// True when the attribute is present, known and not null.
bool Has(const hcl::Value& obj, std::string_view attr);
// The string value; "" when unset or not a string.
std::string GetString(const hcl::Value& obj, std::string_view attr);
std::optional<int64_t> GetInt(const hcl::Value& obj, std::string_view attr);
std::optional<double> GetNumber(const hcl::Value& obj, std::string_view attr);
bool GetBool(const hcl::Value& obj, std::string_view attr, bool fallback);
// A list or set of strings (unknown or null elements skipped).
std::vector<std::string> GetStrings(const hcl::Value& obj, std::string_view attr);
// The first element of a list block (or a single block); nullptr when there is none.
const hcl::Value* FirstBlock(const hcl::Value& obj, std::string_view attr);

// `obj` with the given attributes replaced (or added).
hcl::Value WithAttributes(const hcl::Value& obj,
                          const std::vector<std::pair<std::string, hcl::Value>>& changes);
// Replaces the first element of the list block `attr` with `with(element)`.
hcl::Value WithFirstBlock(const hcl::Value& obj, std::string_view attr,
                          const std::vector<std::pair<std::string, hcl::Value>>& changes);
// Planning of attributes the cloud fills inside a list block (e.g. db.port): where the first
// element of `planned`'s block leaves one of `attrs` null, the prior state's value, or unknown
// when there is none (known after apply). Keeps such attributes from showing as changes.
hcl::Value PlanNestedComputed(const hcl::Value& planned, const hcl::Value& prior,
                              std::string_view block, const std::vector<std::string>& attrs);
// The value with every remaining unknown replaced by null (what a finished state must be).
hcl::Value NoUnknowns(const hcl::Value& v);

hcl::Value StringList(const std::vector<std::string>& items);
hcl::Value StringOr(const hcl::Value& obj, std::string_view attr, std::string fallback);
hcl::Value Number(double v);

}  // namespace fw::providers::database
