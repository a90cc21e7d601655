// Typed reading and building of resource values (hcl::Value objects conforming to a schema)
// and of stored inventory bodies: the small conveniences every provider family uses. A null,
// unknown or absent attribute reads as empty / nullopt / the fallback.
//
// Thread-safety: pure functions.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hcl/value.h"

namespace fw::providers {

struct CallContext;

// --- Reading attributes ---
// True when the attribute is present, known and not null.
bool IsSet(const hcl::Value& obj, std::string_view attr);
// The string value; "" when unset or not a string.
std::string GetString(const hcl::Value& obj, std::string_view attr);
std::optional<int64_t> GetInt(const hcl::Value& obj, std::string_view attr);
std::optional<double> GetNumber(const hcl::Value& obj, std::string_view attr);
bool GetBool(const hcl::Value& obj, std::string_view attr, bool fallback);
// A list, set or tuple of strings (unknown or null elements skipped).
std::vector<std::string> GetStrings(const hcl::Value& obj, std::string_view attr);
// The attribute, or `fallback` when it is null or unknown.
hcl::Value OrElse(const hcl::Value& obj, std::string_view attr, hcl::Value fallback);
// The string attribute, or `fallback` when it is unset or empty.
hcl::Value StringOr(const hcl::Value& obj, std::string_view attr, std::string fallback);
// The first element of a list block (or a single block); nullptr when there is none.
const hcl::Value* FirstBlock(const hcl::Value& obj, std::string_view attr);
// `region` from the plan, else the context's.
std::string RegionOf(const CallContext& ctx, const hcl::Value& planned);

// --- Building values ---
// `obj` with the given attributes replaced (or added at the end).
hcl::Value WithAttrs(const hcl::Value& obj, std::vector<std::pair<std::string, hcl::Value>> attrs);
// Replaces attributes of the first element of the list block `attr`.
hcl::Value WithFirstBlock(const hcl::Value& obj, std::string_view attr,
                          std::vector<std::pair<std::string, hcl::Value>> changes);
// Planning of attributes the cloud fills inside a list block (e.g. db.port): where the first
// element of `planned`'s block leaves one of `attrs` null, the prior state's value, or unknown
// when there is none (known after apply). Keeps such attributes from showing as changes.
hcl::Value PlanNestedComputed(const hcl::Value& planned, const hcl::Value& prior,
                              std::string_view block, const std::vector<std::string>& attrs);
// The value with every remaining unknown replaced by null (what a finished state must be).
hcl::Value NoUnknowns(const hcl::Value& v);
hcl::Value StringList(const std::vector<std::string>& items);
hcl::Value Number(double v);

// --- Stored inventory bodies (JSON objects) ---
// A string field ("" when absent or not a string).
std::string BodyString(const boost::json::object& body, std::string_view key);
// A map(string) field (an empty map when absent or null).
hcl::Value BodyStringMap(const boost::json::object& body, std::string_view key);

}  // namespace fw::providers
