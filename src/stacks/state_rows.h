// A stack's recorded state as store rows and back: one StackResourceRecord per resource instance
// (holding the instance in Terraform's state v4 form) plus the stack row's serial, lineage and
// outputs. The engine's own JSON encoding (engine::State::ToJson/FromJson) does the value work,
// so rows read back exactly as the engine wrote them.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "engine/state.h"
#include "hcl/value.h"
#include "store/stack_records.h"

namespace fw::stacks {

// The row of one instance (status fields and times left for the caller).
Result<store::StackResourceRecord> RowFromInstance(const std::string& stack_id,
                                                   const engine::InstanceState& instance);

// The state of the rows that are in the state (in_state), with the stack's serial, lineage and
// outputs (outputs_json as written by OutputsToJson).
Result<engine::State> StateFromRows(const std::vector<store::StackResourceRecord>& rows,
                                    const store::StackRecord& stack);

// The stack row's outputs document: {name: {"value","type","sensitive","description"}}.
Result<std::string> OutputsToJson(const engine::State& state,
                                  const std::map<std::string, std::string>& descriptions);

// A value as RFS shows it: "<sensitive>" when any part is sensitive, "(known after apply)" when
// unknown, "" for null, strings raw, everything else as JSON text.
std::string DisplayValue(const hcl::Value& value);

// "0" for count index 0, "key" for for_each "key", "" for none.
std::string KeyText(const hcl::Value& key);

}  // namespace fw::stacks
