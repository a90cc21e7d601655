// Response bodies of the execution-plan operations (spec §3) and of template analysis (§4).
#include "api/common/json_writer.h"
#include "api/rfs/json_parts.h"
#include "api/rfs/response_json.h"

namespace fw::api::rfs {
namespace {

void WritePlanFields(JsonWriter& w, const stacks::PlanSummary& p) {
  w.Key("stack_id").String(p.stack_id).Key("stack_name").String(p.stack_name);
  w.Key("execution_plan_id").String(p.execution_plan_id);
  w.Key("execution_plan_name").String(p.execution_plan_name);
  WriteOptional(w, "description", p.description);
  w.Key("status").String(p.status);
  WriteNonEmpty(w, "status_message", p.status_message);
  w.Key("create_time").String(p.create_time);
  WriteOptional(w, "apply_time", p.apply_time);
}

}  // namespace

std::string CreatePlanJson(const stacks::CreatePlanResponse& r) {
  JsonWriter w;
  return w.BeginObject().Key("execution_plan_id").String(r.execution_plan_id).EndObject().Take();
}

std::string PlanListJson(const stacks::PlanList& list) {
  JsonWriter w;
  w.BeginObject().Key("execution_plans").BeginArray();
  for (const auto& p : list.execution_plans) {
    w.BeginObject();
    WritePlanFields(w, p);
    w.EndObject();
  }
  w.EndArray();
  WritePageInfo(w, list.page_info);
  return w.EndObject().Take();
}

std::string PlanMetadataJson(const stacks::PlanMetadata& m) {
  JsonWriter w;
  w.BeginObject();
  WritePlanFields(w, m.summary);
  WriteVarsStructure(w, m.vars_structure);
  WriteOptional(w, "vars_body", m.vars_body);
  WriteOptional(w, "vars_uri_content", m.vars_uri_content);
  if (m.change_summary) {
    const auto& s = *m.change_summary;
    w.Key("summary").BeginObject();
    w.Key("resource_add").Int(s.resource_add).Key("resource_update").Int(s.resource_update);
    w.Key("resource_delete").Int(s.resource_delete).Key("resource_import").Int(s.resource_import);
    w.EndObject();
  }
  return w.EndObject().Take();
}

std::string PlanDiffJson(const stacks::PlanDiff& d) {
  JsonWriter w;
  w.BeginObject();
  if (d.execution_plan_items) {
    w.Key("execution_plan_items").BeginArray();
    for (const auto& i : *d.execution_plan_items) {
      w.BeginObject();
      w.Key("resource_type").String(i.resource_type).Key("resource_name").String(i.resource_name);
      WriteOptional(w, "index", i.index);
      w.Key("action").String(i.action);
      WriteNonEmpty(w, "action_reason", i.action_reason);
      w.Key("provider_name").String(i.provider_name).Key("mode").String(i.mode);
      w.Key("drifted").Bool(i.drifted).Key("imported").Bool(i.imported);
      WriteOptional(w, "resource_id", i.resource_id);
      w.Key("attributes").BeginArray();
      for (const auto& a : i.attributes) {
        w.BeginObject().Key("name").String(a.name);
        w.Key("previous_value").String(a.previous_value);
        w.Key("target_value").String(a.target_value);
        w.EndObject();
      }
      w.EndArray().EndObject();
    }
    w.EndArray();
  }
  return w.EndObject().Take();
}

std::string PriceEstimateJson(const stacks::PriceEstimate& e) {
  JsonWriter w;
  w.BeginObject().Key("currency").String(e.currency).Key("items").BeginArray();
  for (const auto& i : e.items) {
    w.BeginObject();
    w.Key("resource_type").String(i.resource_type).Key("resource_name").String(i.resource_name);
    WriteOptional(w, "index", i.index);
    w.Key("module_address").String(i.module_address);
    w.Key("supported").Bool(i.supported);
    WriteNonEmpty(w, "unsupported_message", i.unsupported_message);
    if (i.resource_price) {
      w.Key("resource_price").BeginArray();
      for (const auto& p : *i.resource_price) {
        w.BeginObject().Key("charge_mode").String(p.charge_mode);
        w.Key("sale_price");
        WriteDecimal(w, p.sale_price);
        w.Key("discount");
        WriteDecimal(w, p.discount);
        w.Key("original_price");
        WriteDecimal(w, p.original_price);
        WriteOptional(w, "period_type", p.period_type);
        w.Key("period_count").Int(p.period_count);
        if (p.best_discount_type) w.Key("best_discount_type").Int(*p.best_discount_type);
        if (p.best_discount_price) {
          w.Key("best_discount_price");
          WriteDecimal(w, *p.best_discount_price);
        }
        if (p.official_website_discount_price) {
          w.Key("official_website_discount_price");
          WriteDecimal(w, *p.official_website_discount_price);
        }
        w.EndObject();
      }
      w.EndArray();
    }
    w.EndObject();
  }
  w.EndArray();
  return w.EndObject().Take();
}

std::string VariablesJson(const std::vector<stacks::TemplateVariable>& vars) {
  JsonWriter w;
  w.BeginObject().Key("variables").BeginArray();
  for (const auto& v : vars) {
    w.BeginObject().Key("name").String(v.name).Key("type").String(v.type);
    WriteNonEmpty(w, "description", v.description);
    if (v.default_json) w.Key("default").Raw(*v.default_json);
    w.Key("sensitive").Bool(v.sensitive).Key("nullable").Bool(v.nullable);
    w.Key("validations").BeginArray();
    for (const auto& val : v.validations) {
      w.BeginObject().Key("condition").String(val.condition);
      w.Key("error_message").String(val.error_message).EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray();
  return w.EndObject().Take();
}

}  // namespace fw::api::rfs
