#include "providers/network/network_types.h"
#include "providers/provider.h"

namespace fw::providers {

void RegisterNetworkTypes(Registry& r) {
  r.Add(network::NewVpcType());
  r.Add(network::NewVpcSubnetType());
  r.Add(network::NewSecgroupType());
  r.Add(network::NewSecgroupRuleType());
  r.Add(network::NewVpcEipType());
  r.Add(network::NewNatGatewayType());
  r.Add(network::NewNatSnatRuleType());
  r.Add(network::NewElbLoadbalancerType());
  r.Add(network::NewAvailabilityZonesDataSource());
  r.Add(network::NewVpcsDataSource());
  r.Add(network::NewVpcDataSource());
  r.Add(network::NewVpcSubnetsDataSource());
}

}  // namespace fw::providers
