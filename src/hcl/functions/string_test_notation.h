// Test helpers for the function families: a small literal notation for argument values and a
// rendering of results, used by the data-driven tests in testdata/functions/.
//
// Values: null, true, false, numbers (-1.5, 1e3), JSON strings, [a, b] (tuple), {"k": v}
// (object), unknown(<type>), null(<type>), sensitive(<value>), dynamic (an unknown of the
// dynamic type), as(<type>, <value>) (converted to <type>: as(list(string), [])).
// Types: string, number, bool, any, list(T), set(T), map(T), tuple([T, ...]),
// object({name=T, ...}).
// Rendering: "<type> <value>" with the type in HCL syntax and the value in the same notation
// (unknown values render as `unknown`, marks as sensitive(...)).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "hcl/value.h"

namespace fw::hcl::test_util {

Result<Value> ParseValue(std::string_view text);
Result<Type> ParseType(std::string_view text);
std::string RenderValue(const Value& v);
// "<type> <value>".
std::string Render(const Value& v);
// Calls the built-in function `name`.
Result<Value> CallFunction(std::string_view name, std::vector<Value> args,
                           int* error_arg = nullptr);
// Runs "name(arg, ...)" and returns Render(result) or "error: <message>".
std::string RunCase(std::string_view call);

}  // namespace fw::hcl::test_util
