// Value checks particular to the database family's services (schema.h has the common ones).
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string_view>

#include "base/status.h"
#include "hcl/diagnostics.h"
#include "providers/schema.h"

namespace fw::providers::database {

// `min`..`max` characters, starting with a letter; letters, digits, '-' and '_' (RDS, DCS).
ValueCheck LetterFirstName(size_t min, size_t max);
// `min`..`max` characters, starting with a lowercase letter, not ending with '-'; lowercase
// letters, digits and '-' (CCE clusters, nodes, node pools).
ValueCheck LowercaseName(size_t min, size_t max);
// A whole number that is a multiple of `step`.
ValueCheck MultipleOf(int64_t step);
// "hh:mm-HH:MM": a one-hour window starting on a quarter hour (RDS backup window).
ValueCheck BackupWindow();
// "HH:MM" or "HH:MM:SS" (times of day).
ValueCheck TimeOfDay();

// A type's combined configuration check (ValidateConfig): a failed `check` becomes the error
// "Invalid <what> configuration" with the detail "<address>: <message>.".
void ReportConfigCheck(const Status& check, std::string_view what, std::string_view address,
                       hcl::Diagnostics& diags);

}  // namespace fw::providers::database
