// Cluster operations: create, list, show, delete, start/stop/restart, modify, and the
// enterprise-project views.
#include <boost/json.hpp>

#include "api/cdm/cdm_api.h"
#include "api/cdm/cluster_json.h"
#include "api/common/json.h"

namespace fw::api::cdm {
namespace {

namespace json = boost::json;
using cloud::cdm::ClusterSpec;

// Reads a string field that older clients spell in camelCase and newer ones in snake_case.
Result<std::optional<std::string>> StringEither(const json::object& o, std::string_view a,
                                                std::string_view b) {
  FW_ASSIGN_OR_RETURN(auto v, OptionalString(o, a, a));
  if (v) return v;
  return OptionalString(o, b, b);
}

Result<ClusterSpec> ParseCreate(std::string_view body) {
  auto parsed = ParseJsonObject(body);
  if (!parsed.ok()) return CdmBadRequest(parsed.status());
  const json::object& root = *parsed;
  ClusterSpec s;
  auto fields = [&]() -> Status {
    FW_ASSIGN_OR_RETURN(auto cluster, RequiredObject(root, "cluster", "cluster"));
    FW_ASSIGN_OR_RETURN(auto name, OptionalString(*cluster, "name", "cluster.name"));
    s.name = name.value_or("");
    FW_ASSIGN_OR_RETURN(auto vpc, OptionalString(*cluster, "vpcId", "cluster.vpcId"));
    s.vpc_id = vpc.value_or("");
    FW_ASSIGN_OR_RETURN(auto instances, OptionalArray(*cluster, "instances", "cluster.instances"));
    if (instances != nullptr) {
      for (size_t i = 0; i < instances->size(); ++i) {
        std::string at = "cluster.instances[" + std::to_string(i) + "]";
        if (!(*instances)[i].is_object()) return InvalidArgument("'" + at + "' must be an object.");
        const auto& in = (*instances)[i].as_object();
        cloud::cdm::InstanceSpec spec;
        FW_ASSIGN_OR_RETURN(auto az, OptionalString(in, "availability_zone", at + ".availability_zone"));
        FW_ASSIGN_OR_RETURN(auto flavor, OptionalString(in, "flavorRef", at + ".flavorRef"));
        FW_ASSIGN_OR_RETURN(auto type, OptionalString(in, "type", at + ".type"));
        spec.availability_zone = az.value_or("");
        spec.flavor_id = flavor.value_or("");
        spec.type = type.value_or("");
        FW_ASSIGN_OR_RETURN(auto nics, OptionalArray(in, "nics", at + ".nics"));
        if (nics != nullptr) {
          for (const auto& nv : *nics) {
            if (!nv.is_object()) return InvalidArgument("'" + at + ".nics[]' must be objects.");
            FW_ASSIGN_OR_RETURN(auto sg, OptionalString(nv.as_object(), "securityGroupId",
                                                        at + ".nics[].securityGroupId"));
            FW_ASSIGN_OR_RETURN(auto net,
                                OptionalString(nv.as_object(), "net-id", at + ".nics[].net-id"));
            spec.nics.push_back({sg.value_or(""), net.value_or("")});
          }
        }
        s.instances.push_back(std::move(spec));
      }
    }
    FW_ASSIGN_OR_RETURN(auto ds, OptionalObject(*cluster, "datastore", "cluster.datastore"));
    if (ds != nullptr) {
      FW_ASSIGN_OR_RETURN(auto type, OptionalString(*ds, "type", "cluster.datastore.type"));
      FW_ASSIGN_OR_RETURN(auto version, OptionalString(*ds, "version", "cluster.datastore.version"));
      if (type) s.datastore_type = *type;
      s.datastore_version = version.value_or("");
    }
    FW_ASSIGN_OR_RETURN(auto ext, OptionalObject(*cluster, "extended_properties",
                                                 "cluster.extended_properties"));
    if (ext != nullptr) {
      FW_ASSIGN_OR_RETURN(auto ws, OptionalString(*ext, "workSpaceId", "workSpaceId"));
      FW_ASSIGN_OR_RETURN(auto rid, OptionalString(*ext, "resourceId", "resourceId"));
      FW_ASSIGN_OR_RETURN(auto trial, OptionalString(*ext, "trial", "trial"));
      s.work_space_id = ws.value_or("");
      s.resource_id = rid.value_or("");
      s.trial = trial.value_or("");
    }
    FW_ASSIGN_OR_RETURN(auto tags, OptionalArray(*cluster, "sys_tags", "cluster.sys_tags"));
    if (tags != nullptr) {
      for (const auto& t : *tags) {
        if (!t.is_object()) return InvalidArgument("'cluster.sys_tags[]' must be objects.");
        FW_ASSIGN_OR_RETURN(auto key, OptionalString(t.as_object(), "key", "sys_tags[].key"));
        FW_ASSIGN_OR_RETURN(auto value, OptionalString(t.as_object(), "value", "sys_tags[].value"));
        if (key == "_sys_enterprise_project_id" && value) s.enterprise_project_id = *value;
      }
    }
    FW_ASSIGN_OR_RETURN(auto auto_off, OptionalBool(*cluster, "isAutoOff", "cluster.isAutoOff"));
    FW_ASSIGN_OR_RETURN(auto sched, OptionalBool(*cluster, "isScheduleBootOff",
                                                 "cluster.isScheduleBootOff"));
    FW_ASSIGN_OR_RETURN(auto boot, OptionalString(*cluster, "scheduleBootTime",
                                                  "cluster.scheduleBootTime"));
    FW_ASSIGN_OR_RETURN(auto off, OptionalString(*cluster, "scheduleOffTime",
                                                 "cluster.scheduleOffTime"));
    s.is_auto_off = auto_off.value_or(false);
    s.is_schedule_boot_off = sched.value_or(false);
    s.schedule_boot_time = boot.value_or("");
    s.schedule_off_time = off.value_or("");
    FW_ASSIGN_OR_RETURN(auto remind, OptionalBool(root, "auto_remind", "auto_remind"));
    if (!remind) {
      FW_ASSIGN_OR_RETURN(remind, OptionalBool(root, "autoRemind", "autoRemind"));
    }
    s.auto_remind = remind.value_or(false);
    FW_ASSIGN_OR_RETURN(auto phone, StringEither(root, "phone_num", "phoneNum"));
    FW_ASSIGN_OR_RETURN(auto email, OptionalString(root, "email", "email"));
    s.phone_num = phone.value_or("");
    s.email = email.value_or("");
    return Status::Ok();
  };
  Status st = fields();
  if (!st.ok()) return CdmBadRequest(st);
  return s;
}

Result<http::Response> Action(const CdmDeps& deps, Context& ctx) {
  auto parsed = ParseJsonObject(ctx.request.body);
  if (!parsed.ok()) return CdmBadRequest(parsed.status());
  const json::object& body = *parsed;
  const std::string& project = ctx.request.PathParam("project_id");
  const std::string& id = ctx.request.PathParam("cluster_id");
  int kinds = body.contains("start") + body.contains("stop") + body.contains("restart");
  if (kinds != 1) {
    return InvalidArgument("The body must have exactly one of 'start', 'stop' and 'restart'.",
                           "Cdm.0014");
  }
  if (body.contains("start")) {
    auto start = OptionalObject(body, "start", "start");
    if (!start.ok()) return CdmBadRequest(start.status());
    FW_ASSIGN_OR_RETURN(std::string job, deps.clusters->Start(project, id));
    return JsonResponse(200, json::object{{"jobId", json::array{json::value(job)}}});
  }
  if (body.contains("stop")) {
    cloud::cdm::StopOptions options;
    Status st = [&]() -> Status {
      FW_ASSIGN_OR_RETURN(auto stop, RequiredObject(body, "stop", "stop"));
      FW_ASSIGN_OR_RETURN(auto mode, OptionalString(*stop, "stopMode", "stop.stopMode"));
      FW_ASSIGN_OR_RETURN(auto delay, OptionalInt(*stop, "delayTime", "stop.delayTime"));
      if (mode) options.mode = *mode;
      if (delay) options.delay_seconds = *delay;
      return Status::Ok();
    }();
    if (!st.ok()) return CdmBadRequest(st);
    FW_ASSIGN_OR_RETURN(std::string job, deps.clusters->Stop(project, id, options));
    return JsonResponse(200, json::object{{"jobId", json::array{json::value(job)}}});
  }
  cloud::cdm::RestartOptions options;
  Status st = [&]() -> Status {
    FW_ASSIGN_OR_RETURN(auto restart, RequiredObject(body, "restart", "restart"));
    FW_ASSIGN_OR_RETURN(auto mode, OptionalString(*restart, "restartMode", "restart.restartMode"));
    FW_ASSIGN_OR_RETURN(auto level, OptionalString(*restart, "restartLevel", "restart.restartLevel"));
    FW_ASSIGN_OR_RETURN(auto delay, OptionalInt(*restart, "restartDelayTime",
                                                "restart.restartDelayTime"));
    FW_ASSIGN_OR_RETURN(auto type, OptionalString(*restart, "type", "restart.type"));
    if (type && *type != "cdm") return InvalidArgument("restart.type must be \"cdm\".", "Cdm.0014");
    if (mode) options.mode = *mode;
    if (level) options.level = *level;
    if (delay) options.delay_seconds = *delay;
    return Status::Ok();
  }();
  if (!st.ok()) return CdmBadRequest(st);
  FW_ASSIGN_OR_RETURN(std::string job, deps.clusters->Restart(project, id, options));
  return JsonResponse(200, json::object{{"jobId", job}});
}

Result<http::Response> Modify(const CdmDeps& deps, Context& ctx) {
  auto parsed = ParseJsonObject(ctx.request.body);
  if (!parsed.ok()) return CdmBadRequest(parsed.status());
  const json::object& b = *parsed;
  cloud::cdm::ModifySpec m;
  Status st = [&]() -> Status {
    FW_ASSIGN_OR_RETURN(m.auto_off, OptionalBool(b, "autoOff", "autoOff"));
    FW_ASSIGN_OR_RETURN(m.schedule_boot_off, OptionalBool(b, "scheduleBootOff", "scheduleBootOff"));
    FW_ASSIGN_OR_RETURN(m.schedule_boot_time, OptionalString(b, "scheduleBootTime", "scheduleBootTime"));
    FW_ASSIGN_OR_RETURN(m.schedule_off_time, OptionalString(b, "scheduleOffTime", "scheduleOffTime"));
    FW_ASSIGN_OR_RETURN(m.auto_remind, OptionalBool(b, "autoRemind", "autoRemind"));
    FW_ASSIGN_OR_RETURN(m.phone_num, OptionalString(b, "phoneNum", "phoneNum"));
    FW_ASSIGN_OR_RETURN(m.email, OptionalString(b, "email", "email"));
    return Status::Ok();
  }();
  if (!st.ok()) return CdmBadRequest(st);
  FW_RETURN_IF_ERROR(deps.clusters->Modify(ctx.request.PathParam("project_id"),
                                           ctx.request.PathParam("cluster_id"), m));
  return http::Response::Json(202, "");
}

json::array SysTags(const cloud::cdm::Cluster& c) {
  return json::array{json::object{{"key", "_sys_enterprise_project_id"},
                                  {"value", c.spec.enterprise_project_id}}};
}

}  // namespace

void RegisterClusterRoutes(ApiRouter& router, const CdmDeps& deps) {
  router.Add("POST", "/v1.1/{project_id}/clusters",
             CdmRoute([deps](Context& ctx) -> Result<http::Response> {
               FW_ASSIGN_OR_RETURN(ClusterSpec spec, ParseCreate(ctx.request.body));
               FW_ASSIGN_OR_RETURN(auto c, deps.clusters->Create(
                                               ctx.request.PathParam("project_id"), spec));
               return JsonResponse(202, CreateClusterResponseJson(c));
             }));
  router.Add("GET", "/v1.1/{project_id}/clusters",
             CdmRoute([deps](Context& ctx) -> Result<http::Response> {
               FW_ASSIGN_OR_RETURN(auto clusters,
                                   deps.clusters->List(ctx.request.PathParam("project_id")));
               JsonWriter w;
               w.BeginObject().Key("clusters").BeginArray();
               TimePoint now = deps.provisioning->Now();
               for (const auto& c : clusters) WriteClusterJson(w, c, ctx.base_url, now, View::kList);
               w.EndArray().EndObject();
               return http::Response::Json(200, w.Take());
             }));
  Route show = CdmRoute([deps](Context& ctx) -> Result<http::Response> {
    FW_ASSIGN_OR_RETURN(auto c, deps.clusters->Get(ctx.request.PathParam("project_id"),
                                                   ctx.request.PathParam("cluster_id")));
    return http::Response::Json(
        200, ClusterJson(c, ctx.base_url, deps.provisioning->Now(), View::kDetail));
  });
  // ShowClusterDetail is what clients poll: served from the read cache on the I/O thread.
  show.inline_handler = [deps](Context& ctx) -> std::optional<Result<http::Response>> {
    auto c = deps.clusters->GetCached(ctx.request.PathParam("project_id"),
                                      ctx.request.PathParam("cluster_id"));
    if (!c) return std::nullopt;
    return http::Response::Json(
        200, ClusterJson(*c, ctx.base_url, deps.provisioning->Now(), View::kDetail));
  };
  router.Add("GET", "/v1.1/{project_id}/clusters/{cluster_id}", std::move(show));
  router.Add("DELETE", "/v1.1/{project_id}/clusters/{cluster_id}",
             CdmRoute([deps](Context& ctx) -> Result<http::Response> {
               // The body is optional ({"keep_last_manual_backup": 0}); any object is accepted.
               if (!ctx.request.body.empty()) {
                 auto parsed = ParseJsonObject(ctx.request.body);
                 if (!parsed.ok()) return CdmBadRequest(parsed.status());
               }
               FW_ASSIGN_OR_RETURN(std::string job,
                                   deps.clusters->Delete(ctx.request.PathParam("project_id"),
                                                         ctx.request.PathParam("cluster_id")));
               return JsonResponse(202, json::object{{"jobId", job}});
             }));
  router.Add("POST", "/v1.1/{project_id}/clusters/{cluster_id}/action",
             CdmRoute([deps](Context& ctx) { return Action(deps, ctx); }));
  router.Add("POST", "/v1.1/{project_id}/cluster/modify/{cluster_id}",
             CdmRoute([deps](Context& ctx) { return Modify(deps, ctx); }));
  router.Add("GET", "/v1.1/{project_id}/clusters/{cluster_id}/enterprise-projects",
             CdmRoute([deps](Context& ctx) -> Result<http::Response> {
               FW_ASSIGN_OR_RETURN(auto c, deps.clusters->Get(ctx.request.PathParam("project_id"),
                                                              ctx.request.PathParam("cluster_id")));
               return JsonResponse(200, json::object{{"sys_tags", SysTags(c)}});
             }));
  router.Add("GET", "/v1.1/{project_id}/enterprise-projects",
             CdmRoute([deps](Context& ctx) -> Result<http::Response> {
               FW_ASSIGN_OR_RETURN(auto clusters,
                                   deps.clusters->List(ctx.request.PathParam("project_id")));
               json::array resources;
               for (const auto& c : clusters) {
                 resources.push_back({{"cluster_id", c.id}, {"sys_tags", SysTags(c)}});
               }
               return JsonResponse(200, json::object{{"resources", std::move(resources)}});
             }));
}

}  // namespace fw::api::cdm
