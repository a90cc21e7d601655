#include "stacks/price_table.h"

#include <cmath>
#include <map>

namespace fw::stacks {
namespace {

struct TypePrice {
  std::string_view flavor_attribute;  // "" when one price fits all
  double default_hourly;              // when the flavor is not in the table
  std::map<std::string, double, std::less<>> hourly_by_flavor;
  bool free = false;
};

const std::map<std::string, TypePrice, std::less<>>& Table() {
  static const auto* table = new std::map<std::string, TypePrice, std::less<>>{
      {"huaweicloud_vpc", {"", 0, {}, true}},
      {"huaweicloud_vpc_subnet", {"", 0, {}, true}},
      {"huaweicloud_networking_secgroup", {"", 0, {}, true}},
      {"huaweicloud_networking_secgroup_rule", {"", 0, {}, true}},
      {"huaweicloud_compute_instance",
       {"flavor_id", 0.10,
        {{"s6.small.1", 0.02}, {"s6.medium.2", 0.05}, {"s6.large.2", 0.10},
         {"s6.xlarge.2", 0.20}, {"c6.large.2", 0.12}, {"c6.xlarge.2", 0.24},
         {"c6.2xlarge.2", 0.48}, {"m6.large.8", 0.18}}}},
      {"huaweicloud_evs_volume", {"size", 0.0001, {}}},  // per GB-hour, times size below
      {"huaweicloud_vpc_eip", {"", 0.01, {}}},
      {"huaweicloud_nat_gateway",
       {"spec", 0.10, {{"1", 0.06}, {"2", 0.12}, {"3", 0.30}, {"4", 0.60}}}},
      {"huaweicloud_elb_loadbalancer", {"", 0.03, {}}},
      {"huaweicloud_obs_bucket", {"", 0, {}, true}},
      {"huaweicloud_rds_instance",
       {"flavor", 0.25, {{"rds.mysql.n1.large.2", 0.20}, {"rds.pg.n1.large.2", 0.22}}}},
      {"huaweicloud_dcs_instance", {"capacity", 0.05, {}}},
      {"huaweicloud_cce_cluster",
       {"flavor_id", 0.20, {{"cce.s1.small", 0.10}, {"cce.s2.small", 0.20},
                            {"cce.s1.medium", 0.30}, {"cce.s2.medium", 0.60}}}},
      {"huaweicloud_cdm_cluster",
       {"flavor_id", 0.40, {}}},
  };
  return *table;
}

double RoundUpCents(double v) { return std::ceil(v * 100 - 1e-9) / 100; }

}  // namespace

std::optional<std::vector<ResourcePrice>> SimulatedPrice(
    const std::string& resource_type, const std::vector<PlanItemAttribute>& attributes) {
  auto it = Table().find(resource_type);
  if (it == Table().end()) return std::nullopt;
  const TypePrice& p = it->second;
  ResourcePrice price;
  if (p.free) {
    price.charge_mode = "FREE";
    return std::vector<ResourcePrice>{price};
  }
  double hourly = p.default_hourly;
  if (!p.flavor_attribute.empty()) {
    for (const PlanItemAttribute& a : attributes) {
      if (a.name != p.flavor_attribute) continue;
      auto f = p.hourly_by_flavor.find(a.target_value);
      if (f != p.hourly_by_flavor.end()) {
        hourly = f->second;
      } else if (p.hourly_by_flavor.empty()) {
        // A size-priced type (GB, capacity): the rate times the number.
        char* end = nullptr;
        double n = std::strtod(a.target_value.c_str(), &end);
        if (end && *end == '\0' && n > 0) hourly = p.default_hourly * n;
      }
    }
  }
  price.charge_mode = "POST_PAID";
  price.original_price = RoundUpCents(hourly);
  price.sale_price = price.original_price;
  price.discount = 0;
  price.period_type = "HOUR";
  price.period_count = 1;
  price.official_website_discount_price = price.sale_price;
  return std::vector<ResourcePrice>{price};
}

}  // namespace fw::stacks
