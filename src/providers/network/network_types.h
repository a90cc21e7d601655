// Factories of the network family's resource and data-source types (one .cc each in this
// folder); register.cc adds them all to the Registry.
//
// Thread-safety: the types are immutable once built.
#pragma once

#include <memory>

#include "providers/provider.h"

namespace fw::providers::network {

std::unique_ptr<ResourceType> NewVpcType();              // huaweicloud_vpc
std::unique_ptr<ResourceType> NewVpcSubnetType();        // huaweicloud_vpc_subnet
std::unique_ptr<ResourceType> NewSecgroupType();         // huaweicloud_networking_secgroup
std::unique_ptr<ResourceType> NewSecgroupRuleType();     // huaweicloud_networking_secgroup_rule
std::unique_ptr<ResourceType> NewVpcEipType();           // huaweicloud_vpc_eip
std::unique_ptr<ResourceType> NewNatGatewayType();       // huaweicloud_nat_gateway
std::unique_ptr<ResourceType> NewNatSnatRuleType();      // huaweicloud_nat_snat_rule
std::unique_ptr<ResourceType> NewElbLoadbalancerType();  // huaweicloud_elb_loadbalancer

std::unique_ptr<DataSourceType> NewAvailabilityZonesDataSource();  // huaweicloud_availability_zones
std::unique_ptr<DataSourceType> NewVpcsDataSource();               // huaweicloud_vpcs
std::unique_ptr<DataSourceType> NewVpcDataSource();                // huaweicloud_vpc
std::unique_ptr<DataSourceType> NewVpcSubnetsDataSource();         // huaweicloud_vpc_subnets

}  // namespace fw::providers::network
