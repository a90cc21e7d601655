// Test support for the database family: a provider harness with the network resources the
// types reference (a VPC, a subnet in it, a security group) put straight into the inventory
// under the network family's type names, so these tests do not depend on that family's code.
//
// Thread-safety: one test at a time.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "base/ids.h"
#include "providers/common/ipv4.h"
#include "providers/database/database_types.h"
#include "providers/provider_harness.h"

namespace fw::providers::database {

struct TestNetwork {
  std::string vpc_id;
  std::string subnet_id;
  std::string secgroup_id;
};

inline TestNetwork MakeTestNetwork(ProviderHarness& h, const std::string& vpc_cidr = "192.168.0.0/16",
                                   const std::string& subnet_cidr = "192.168.1.0/24") {
  const std::string project = h.project_id();
  cloud::Inventory& inv = h.cloud().inventory();
  TestNetwork n;
  auto vpc = inv.Create({NewUuid(), project, "vpc.vpc", "vpc-" + vpc_cidr, {{"cidr", vpc_cidr}}, ""});
  EXPECT_TRUE(vpc.ok());
  n.vpc_id = vpc->id;
  auto subnet = inv.Create({NewUuid(), project, "vpc.subnet", "subnet-" + subnet_cidr,
                            {{"cidr", subnet_cidr}, {"vpc_id", n.vpc_id},
                             {"ipv4_subnet_id", NewUuid()}},
                            ""});
  EXPECT_TRUE(subnet.ok());
  n.subnet_id = subnet->id;
  auto sg = inv.Create({NewUuid(), project, "vpc.secgroup", "sg", {}, ""});
  EXPECT_TRUE(sg.ok());
  n.secgroup_id = sg->id;
  return n;
}

// The family's types, in a registry of their own.
inline const Registry& DatabaseRegistry() {
  static const Registry* r = [] {
    auto* registry = new Registry();
    RegisterDatabaseTypes(*registry);
    return registry;
  }();
  return *r;
}

inline const hcl::Value& Attr0(const hcl::Value& v, std::string_view block) {
  return v.Get(block)->Elements().at(0);
}

inline int64_t IntOf(const hcl::Value& v, std::string_view attr) {
  return *v.Get(attr)->AsNumber().ToInt64();
}

// Whether `ip` is inside `cidr`.
inline bool InCidr(const std::string& ip, const std::string& cidr) {
  auto a = ParseIpv4(ip);
  auto c = ParseIpv4Cidr(cidr);
  return a && c && c->Contains(*a);
}

// Replaces every "{key}" in `text`.
inline std::string Fill(std::string text, const TestNetwork& n) {
  auto replace = [&text](const std::string& key, const std::string& value) {
    for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at)) {
      text.replace(at, key.size(), value);
    }
  };
  replace("{vpc}", n.vpc_id);
  replace("{subnet}", n.subnet_id);
  replace("{sg}", n.secgroup_id);
  return text;
}

}  // namespace fw::providers::database
