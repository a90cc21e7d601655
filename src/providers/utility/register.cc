#include "providers/provider.h"
#include "providers/utility/utility_types.h"

namespace fw::providers {

void RegisterUtilityTypes(Registry& r) {
  r.Add(utility::NewRandomString());
  r.Add(utility::NewRandomPassword());
  r.Add(utility::NewRandomId());
  r.Add(utility::NewRandomInteger());
  r.Add(utility::NewRandomUuid());
  r.Add(utility::NewRandomShuffle());
  r.Add(utility::NewNullResource());
  r.Add(utility::NewTerraformData());
  r.Add(utility::NewTimeStatic());
  r.Add(utility::NewTimeSleep());
}

}  // namespace fw::providers
