// Factories of the utility resource types: the hashicorp random, null and time providers'
// resources and Terraform's built-in terraform_data. They make nothing in the simulated cloud:
// their values live only in state, as with the real providers. One file per type.
//
// Thread-safety: the types are immutable; Create may be called from many workers at once.
#pragma once

#include <memory>

#include "providers/provider.h"

namespace fw::providers::utility {

std::unique_ptr<ResourceType> NewRandomString();
std::unique_ptr<ResourceType> NewRandomPassword();
std::unique_ptr<ResourceType> NewRandomId();
std::unique_ptr<ResourceType> NewRandomInteger();
std::unique_ptr<ResourceType> NewRandomUuid();
std::unique_ptr<ResourceType> NewRandomShuffle();
std::unique_ptr<ResourceType> NewNullResource();
std::unique_ptr<ResourceType> NewTerraformData();
std::unique_ptr<ResourceType> NewTimeStatic();
std::unique_ptr<ResourceType> NewTimeSleep();

}  // namespace fw::providers::utility
