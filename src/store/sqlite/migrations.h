// The numbered schema migrations of the SQLite backend, applied in order at open.
#pragma once

#include <vector>

namespace fw::store::sqlite {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

// In ascending version order; never edit a released migration, add a new one.
const std::vector<Migration>& Migrations();

}  // namespace fw::store::sqlite
