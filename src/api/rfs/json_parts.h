// Pieces written by more than one RFS response: page_info, vars_structure, optional fields,
// numbers with a fraction.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/common/json_writer.h"
#include "stacks/stack_service.h"

namespace fw::api::rfs {

// "page_info": {"next_marker"?, "previous_marker"?, "current_count"}.
void WritePageInfo(JsonWriter& w, const stacks::PageInfo& p);
// "vars_structure": [...] when there is any.
void WriteVarsStructure(JsonWriter& w, const std::vector<stacks::VarStructure>& vars);
// `key`: value when present.
void WriteOptional(JsonWriter& w, std::string_view key, const std::optional<std::string>& v);
// `key`: value when not empty.
void WriteNonEmpty(JsonWriter& w, std::string_view key, const std::string& v);
// A JSON number with up to two decimals (prices).
void WriteDecimal(JsonWriter& w, double v);

}  // namespace fw::api::rfs
