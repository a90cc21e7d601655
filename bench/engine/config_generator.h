// Generates Terraform configurations of a given size for the engine benchmarks: wide fans and
// long reference chains, with count and cidrsubnet expressions, in proportions that keep the
// resource count exact:
//
//   1%   huaweicloud_vpc.net       count, cidr = cidrsubnet("10.0.0.0/8", 8, count.index % 256)
//   20%  huaweicloud_vpc_subnet.sub count, cidr = cidrsubnet(huaweicloud_vpc.net[i / 20].cidr,
//                                   8, i % 20), gateway_ip = cidrhost(..., 1), vpc_id = ....id
//   10%  chains of terraform_data / null_resource blocks, each referring to the previous one
//        (chains up to 1,000 long)
//   rest random_id.fan             count, keepers = { root = null_resource.root.id } (a fan)
//
// Thread-safety: pure.
#pragma once

#include <string>

namespace fw::bench {

struct GeneratedConfig {
  std::string main_tf;
  int resources = 0;  // instances the configuration declares
};

// `terraform_data_in_chains` false: the chains are null_resource only.
GeneratedConfig GenerateEngineConfig(int resources, bool terraform_data_in_chains = true);

}  // namespace fw::bench
