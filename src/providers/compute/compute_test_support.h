// Test support for the compute family: a harness with the family's types registered, and the
// network items (VPC, subnet, security group, EIP) the compute types refer to, made directly in
// the inventory with minimal bodies so these tests do not depend on the network family's code.
//
// Thread-safety: one test at a time.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "base/ids.h"
#include "providers/compute/compute_common.h"
#include "providers/provider.h"
#include "providers/provider_harness.h"

namespace fw::providers::compute {

class ComputeTest : public ::testing::Test {
 protected:
  ComputeTest() { RegisterComputeTypes(registry_); }

  const ResourceType& Type(std::string_view name) {
    const ResourceType* t = registry_.FindResource(name);
    EXPECT_NE(t, nullptr) << name;
    return *t;
  }
  const DataSourceType& Data(std::string_view name) {
    const DataSourceType* t = registry_.FindDataSource(name);
    EXPECT_NE(t, nullptr) << name;
    return *t;
  }

  // An inventory item of another family, in the harness's project (or `project`).
  std::string AddItem(std::string_view type, const std::string& name, boost::json::object body,
                      std::string project = "") {
    if (project.empty()) project = h_.project_id();
    auto item = h_.cloud().inventory().Create(
        {NewUuid(), project, std::string(type), name, std::move(body), ""});
    EXPECT_TRUE(item.ok()) << item.status().message();
    return item.ok() ? item->id : "";
  }
  std::string AddVpc(const std::string& cidr = "192.168.0.0/16") {
    return AddItem(kVpcType, "vpc", {{"name", "vpc"}, {"cidr", cidr}});
  }
  std::string AddSubnet(const std::string& vpc_id, const std::string& cidr = "192.168.1.0/24",
                        const std::string& gateway = "192.168.1.1") {
    return AddItem(kSubnetType, "subnet",
                   {{"name", "subnet"}, {"cidr", cidr}, {"gateway_ip", gateway},
                    {"vpc_id", vpc_id}, {"ipv4_subnet_id", NewUuid()}});
  }
  std::string AddSecgroup(const std::string& name = "sg") {
    return AddItem(kSecgroupType, name, {{"name", name}});
  }

  // Counts the inventory items of `type` in the harness's project.
  size_t Count(std::string_view type) {
    auto list = h_.cloud().inventory().List(h_.project_id(), std::string(type));
    EXPECT_TRUE(list.ok());
    return list.ok() ? list->size() : 0;
  }

  // A fault rule that fails the next create of `service`.`kind`.
  void FailNextCreate(const std::string& service, const std::string& kind) {
    cloud::FaultRule rule;
    rule.service = service;
    rule.type = kind;
    rule.operation = "create";
    rule.remaining = 1;
    rule.error_code = "Test.0001";
    rule.error_message = "injected";
    h_.cloud().faults().Add(rule);
  }

  static std::string Str(const hcl::Value& v, std::string_view attr) {
    return ProviderHarness::Str(v, attr);
  }
  static int64_t Int(const hcl::Value& v, std::string_view attr) {
    return GetInt(v, attr).value_or(-1);
  }

  ProviderHarness h_;
  Registry registry_;
};

}  // namespace fw::providers::compute
