// Helpers shared by the encoding, hash and context function families (internal).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "hcl/functions/function.h"

namespace fw::hcl::encoding_internal {

// Standard base64 with padding (Go's base64.StdEncoding).
std::string Base64Encode(std::string_view bytes);
// Decodes like Go's base64.StdEncoding.DecodeString: padding required, '\r' and '\n' ignored.
// On failure returns false and sets `*bad_offset` to the offset of the first bad symbol.
bool Base64Decode(std::string_view text, std::string* out, size_t* bad_offset);

// Go's strconv.Quote (what Terraform's %q produces in messages).
std::string GoQuote(std::string_view s);
// GoQuote, or "(sensitive value)" when `sensitive`.
std::string RedactIfSensitive(std::string_view s, bool sensitive);

bool IsValidUtf8(std::string_view s);

// "Invalid value for \"<param>\" parameter: <msg>." as Terraform words argument errors.
Status ArgError(std::string_view param, std::string_view msg);

FunctionSpec CsvDecodeFunction();
FunctionSpec TextEncodeBase64Function();
FunctionSpec TextDecodeBase64Function();

}  // namespace fw::hcl::encoding_internal
