// The wire form of CDM clusters (ShowClusterDetail, ListClusters, CreateCluster, instance
// detail), with the SDK models' field names and JSON types: `status` and `isFrozen` are
// strings, `recentEvent` and `bakKeepDay` integers, `volume.size` an integer, `actions` an
// array.
#pragma once

#include <boost/json.hpp>
#include <string>

#include "api/common/json_writer.h"
#include "cloud/cdm/cluster.h"

namespace fw::api::cdm {

enum class View { kDetail, kList };

// Written as text with a JsonWriter: ShowClusterDetail is the hot path clients poll.
void WriteClusterJson(JsonWriter& w, const cloud::cdm::Cluster& c, const std::string& base_url,
                      TimePoint now, View view);
std::string ClusterJson(const cloud::cdm::Cluster& c, const std::string& base_url, TimePoint now,
                        View view);
boost::json::object CreateClusterResponseJson(const cloud::cdm::Cluster& c);
boost::json::object InstanceDetailJson(const cloud::cdm::Cluster& c, size_t node);
// "2018-09-05T08:38:25": the format of the documentation's samples.
std::string CdmTime(TimePoint t);

}  // namespace fw::api::cdm
