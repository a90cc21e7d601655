// What the CDM service offers: availability zones, datastores, flavors, and node details.
#include <boost/json.hpp>

#include "api/cdm/cdm_api.h"
#include "api/cdm/cluster_json.h"
#include "api/common/json.h"
#include "cloud/cdm/catalog.h"

namespace fw::api::cdm {
namespace {

namespace json = boost::json;
namespace catalog = cloud::cdm;

// Catalogue reads take no body.
Route CatalogRoute(HandlerFn fn) { return CdmRoute(std::move(fn), 0); }

json::object FlavorJson(const catalog::Flavor& f, const std::string& region) {
  return {{"cpu", f.cpu},          {"ram", f.ram_gb},         {"name", f.name},
          {"region", region},      {"typename", "cdm"},       {"clusterMode", "sharding"},
          {"status", "normal"},    {"str_id", f.id}};
}

}  // namespace

void RegisterCatalogRoutes(ApiRouter& router, const CdmDeps& deps) {
  router.Add("GET", "/v1.1/{project_id}/regions/{region_id}/availability_zones",
             CatalogRoute([deps](Context& ctx) -> Result<http::Response> {
               FW_ASSIGN_OR_RETURN(std::string region, deps.clusters->ProjectRegion(
                                                           ctx.request.PathParam("project_id")));
               if (ctx.request.PathParam("region_id") != region) {
                 return NotFound("The region " + ctx.request.PathParam("region_id") +
                                     " is not the region of this project (" + region + ").",
                                 "Cdm.0001");
               }
               json::array zones;
               int i = 1;
               for (const auto& az : catalog::AvailabilityZones(region)) {
                 zones.push_back({{"availableZoneId", az},
                                  {"availableZoneName", "AZ" + std::to_string(i++)},
                                  {"availableZoneCode", az},
                                  {"azStatus", "Available"},
                                  {"type", "Core"},
                                  {"tags", json::object{}}});
               }
               return JsonResponse(200, json::object{{"regionId", region},
                                                {"defaultAZ", catalog::AvailabilityZones(region)[0]},
                                                {"availableZones", std::move(zones)}});
             }));
  router.Add("GET", "/v1.1/{project_id}/datastores",
             CatalogRoute([](Context& ctx) -> Result<http::Response> {
               json::array versions;
               for (const auto& v : catalog::DatastoreVersions()) {
                 versions.push_back({{"active", "1"},
                                     {"id", v.id},
                                     {"image", ""},
                                     {"name", v.name},
                                     {"packages", ""},
                                     {"datastore", std::string(catalog::kDatastoreId)},
                                     {"links", json::array{}}});
               }
               json::object ds{{"id", std::string(catalog::kDatastoreId)},
                               {"name", std::string(catalog::kDatastoreType)},
                               {"bigclusterEnable", false},
                               {"defaultVersion", catalog::DefaultDatastoreVersion().name},
                               {"versions", std::move(versions)}};
               return JsonResponse(200, json::object{{"datastores", json::array{ds}}});
             }));
  router.Add("GET", "/v1.1/{project_id}/datastores/{datastore_id}/flavors",
             CatalogRoute([deps](Context& ctx) -> Result<http::Response> {
               if (ctx.request.PathParam("datastore_id") != catalog::kDatastoreId) {
                 return NotFound("The datastore " + ctx.request.PathParam("datastore_id") +
                                     " does not exist.",
                                 "Cdm.0001");
               }
               FW_ASSIGN_OR_RETURN(std::string region, deps.clusters->ProjectRegion(
                                                           ctx.request.PathParam("project_id")));
               json::array versions;
               for (const auto& v : catalog::DatastoreVersions()) {
                 json::array flavors;
                 for (const auto& f : catalog::Flavors()) flavors.push_back(FlavorJson(f, region));
                 versions.push_back(
                     {{"id", v.id}, {"name", v.name}, {"flavors", std::move(flavors)}});
               }
               return JsonResponse(200, json::object{{"id", std::string(catalog::kDatastoreId)},
                                                {"dbname", "cdm"},
                                                {"versions", std::move(versions)}});
             }));
  router.Add("GET", "/v1.1/{project_id}/flavors/{flavor_id}",
             CatalogRoute([](Context& ctx) -> Result<http::Response> {
               const auto* f = catalog::FindFlavor(ctx.request.PathParam("flavor_id"));
               if (f == nullptr) {
                 return NotFound("The flavor " + ctx.request.PathParam("flavor_id") +
                                     " does not exist.",
                                 "Cdm.0001");
               }
               json::array detail;
               auto add = [&](const char* name, std::string value) {
                 detail.push_back({{"name", name}, {"value", std::move(value)}});
               };
               add("cpu", std::to_string(f->cpu));
               add("mem", std::to_string(f->ram_gb));
               add("volumeType", "LOCAL_DISK");
               add("volumeSize", "100");
               add("flavor", f->name);
               return JsonResponse(200, json::object{
                   {"name", f->name}, {"str_id", f->id}, {"flavor_detail", std::move(detail)}});
             }));
  router.Add("GET", "/v1.1/{project_id}/instances/{instance_id}",
             CatalogRoute([deps](Context& ctx) -> Result<http::Response> {
               FW_ASSIGN_OR_RETURN(auto found, deps.clusters->FindInstance(
                                                   ctx.request.PathParam("project_id"),
                                                   ctx.request.PathParam("instance_id")));
               return JsonResponse(200, InstanceDetailJson(found.first, found.second));
             }));
}

}  // namespace fw::api::cdm
