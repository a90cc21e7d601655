// Test fixture of the network family's tests: a ProviderHarness (a LocalCloud in a temporary
// directory), a Registry holding the network types, and shortcuts to create the VPCs and
// subnets most tests need.
//
// Thread-safety: one test at a time.
#pragma once

#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "providers/provider.h"
#include "providers/provider_harness.h"

namespace fw::providers::network {

class NetworkTest : public ::testing::Test {
 protected:
  NetworkTest() { RegisterNetworkTypes(registry_); }

  const ResourceType& R(std::string_view name) {
    const ResourceType* t = registry_.FindResource(name);
    EXPECT_NE(t, nullptr) << name;
    return *t;
  }
  const DataSourceType& D(std::string_view name) {
    const DataSourceType* t = registry_.FindDataSource(name);
    EXPECT_NE(t, nullptr) << name;
    return *t;
  }

  // Creates and fails the test (returning null) when creation fails.
  hcl::Value MustCreate(std::string_view type, const std::string& hcl, std::string key = "") {
    auto r = h_.Create(R(type), hcl, std::move(key));
    EXPECT_TRUE(r.ok()) << type << ": " << r.status().message();
    return r.ok() ? *r : hcl::Value();
  }
  std::string Vpc(const std::string& cidr = "192.168.0.0/16", const std::string& name = "vpc") {
    return S(MustCreate("huaweicloud_vpc", "name = \"" + name + "\"\ncidr = \"" + cidr + "\"\n"),
             "id");
  }
  hcl::Value Subnet(const std::string& vpc_id, const std::string& cidr, const std::string& gw,
                    const std::string& name = "subnet") {
    return MustCreate("huaweicloud_vpc_subnet", "name = \"" + name + "\"\ncidr = \"" + cidr +
                                                     "\"\ngateway_ip = \"" + gw +
                                                     "\"\nvpc_id = \"" + vpc_id + "\"\n");
  }
  // A fault rule that fails the next `operation` on `service`.`kind` once.
  void FailNext(const std::string& service, const std::string& kind,
                const std::string& operation = "create") {
    cloud::FaultRule rule;
    rule.service = service;
    rule.type = kind;
    rule.operation = operation;
    rule.remaining = 1;
    rule.error_code = "SYS.0500";
    rule.error_message = "Injected fault.";
    h_.cloud().faults().Add(rule);
  }
  size_t Count(const std::string& inventory_type) {
    auto list = h_.cloud().inventory().List(h_.project_id(), inventory_type);
    EXPECT_TRUE(list.ok());
    return list.ok() ? list->size() : 0;
  }

  static std::string S(const hcl::Value& v, std::string_view attr) {
    return ProviderHarness::Str(v, attr);
  }
  static bool IsUuid(const std::string& s) {
    static const std::regex kUuid("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    return std::regex_match(s, kUuid);
  }

  ProviderHarness h_;
  Registry registry_;
};

}  // namespace fw::providers::network
