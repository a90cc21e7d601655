// Helpers shared by the string, regex, collection and numeric function families: UTF-8 and
// grapheme clusters, Unicode case mapping, argument errors worded as Terraform words them,
// cty-style unknown handling, and the limits that bound the work one call may do.
//
// Thread-safety: pure functions (the case-mapping locale is created once, thread-safely).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"
#include "hcl/functions/function.h"
#include "hcl/number.h"

namespace fw::hcl::functions_internal {

// Largest string any of these functions builds (format padding, indent, replace...).
inline constexpr size_t kMaxResultBytes = 64u << 20;
// Largest width or precision accepted in a format verb.
inline constexpr int64_t kMaxFormatWidth = 1 << 20;

// Decodes the code point at s[*i] and advances *i; an invalid byte decodes as U+FFFD and
// advances by one.
uint32_t DecodeUtf8(std::string_view s, size_t* i);
void AppendUtf8(std::string* out, uint32_t cp);

// Byte length of the user-perceived character (approximately a Unicode extended grapheme
// cluster: a base with its combining marks, CR LF, emoji ZWJ sequences and modifiers, flag
// pairs) starting at s[i]. 0 only when i >= s.size().
size_t GraphemeLength(std::string_view s, size_t i);
int64_t GraphemeCount(std::string_view s);

// Unicode simple case mappings (as Go's unicode.ToUpper/ToLower/ToTitle).
uint32_t ToUpperCodePoint(uint32_t cp);
uint32_t ToLowerCodePoint(uint32_t cp);
uint32_t ToTitleCodePoint(uint32_t cp);
// Go's unicode.IsSpace.
bool IsUnicodeSpace(uint32_t cp);
// Go's unicode.IsLetter || unicode.IsDigit (approximately, outside ASCII).
bool IsUnicodeLetterOrDigit(uint32_t cp);

// `Invalid value for "<param>" parameter: <msg>`: an error about one argument, as Terraform
// reports function.ArgError.
Status ArgError(std::string_view param, std::string_view msg);
// Go's conversion of a number to int (gocty): whole numbers within int64 only.
Result<int64_t> ToInt(const Number& n);
// Result-size guard: an error when `bytes` exceeds kMaxResultBytes.
Status CheckResultSize(size_t bytes);

// cty calls a function only when its arguments are known at the top level (nested unknowns
// reach the implementation), while Call() short-circuits on any nested unknown. This turns every
// parameter that does not allow unknowns into one that does, and makes the implementation
// return an unknown of the return type when such an argument is unknown at the top level.
FunctionSpec WithCtyUnknowns(FunctionSpec spec);

// A parameter, briefly.
Parameter Param(std::string name, Type type);

}  // namespace fw::hcl::functions_internal

namespace fw::hcl {
// Internal registration helpers for the files of a family.
void RegisterFormatFunctions(FunctionRegistry* registry);
void RegisterCollectionMapFunctions(FunctionRegistry* registry);
void RegisterCollectionSetFunctions(FunctionRegistry* registry);
void RegisterCollectionSequenceFunctions(FunctionRegistry* registry);
}  // namespace fw::hcl
