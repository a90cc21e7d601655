// Decoding of the RFS request shapes shared by several operations.
#include "api/rfs/request_decoding.h"

#include <charconv>

#include "api/common/errors.h"
#include "api/common/json.h"
#include "api/rfs/request_rules.h"

namespace fw::api::rfs {
namespace {

namespace json = boost::json;

Result<stacks::VarStructure> DecodeVar(const json::value& v, const std::string& at) {
  if (!v.is_object()) return InvalidArgument("'" + at + "' must be an object.", rf::kWrongType);
  const json::object& o = v.as_object();
  FW_RETURN_IF_ERROR(RejectUnknownFields(o, {"var_key", "var_value", "encryption"}, at + "."));
  stacks::VarStructure var;
  auto key = OptionalString(o, "var_key", at + ".var_key");
  auto value = OptionalString(o, "var_value", at + ".var_value");
  if (!key.ok()) return RfWrongType(key.status());
  if (!value.ok()) return RfWrongType(value.status());
  if (!*key) return InvalidArgument("'" + at + ".var_key' is required.", rf::kMissingParameter);
  if (!*value) {
    return InvalidArgument("'" + at + ".var_value' is required.", rf::kMissingParameter);
  }
  var.var_key = **key;
  var.var_value = **value;
  auto enc = OptionalObject(o, "encryption", at + ".encryption");
  if (!enc.ok()) return RfWrongType(enc.status());
  if (*enc != nullptr) {
    FW_RETURN_IF_ERROR(RejectUnknownFields(**enc, {"kms"}, at + ".encryption."));
    auto kms = OptionalObject(**enc, "kms", at + ".encryption.kms");
    if (!kms.ok()) return RfWrongType(kms.status());
    if (*kms == nullptr) {
      return InvalidArgument("'" + at + ".encryption.kms' is required.", rf::kMissingParameter);
    }
    FW_RETURN_IF_ERROR(RejectUnknownFields(**kms, {"id", "cipher_text"}, at + ".encryption.kms."));
    auto id = OptionalString(**kms, "id", at + ".encryption.kms.id");
    auto cipher = OptionalString(**kms, "cipher_text", at + ".encryption.kms.cipher_text");
    if (!id.ok()) return RfWrongType(id.status());
    if (!cipher.ok()) return RfWrongType(cipher.status());
    if (!*id || !*cipher) {
      return InvalidArgument("'" + at + ".encryption.kms' needs 'id' and 'cipher_text'.",
                             rf::kMissingParameter);
    }
    var.encryption = stacks::KmsEncryption{**id, **cipher};
  }
  return var;
}

}  // namespace

Result<stacks::TemplateInput> DecodeTemplateInput(const json::object& o) {
  stacks::TemplateInput in;
  FW_ASSIGN_OR_RETURN(in.template_body, BodyString(o, "template_body"));
  FW_ASSIGN_OR_RETURN(in.template_uri, BodyString(o, "template_uri"));
  FW_ASSIGN_OR_RETURN(in.vars_body, BodyString(o, "vars_body"));
  FW_ASSIGN_OR_RETURN(in.vars_uri, BodyString(o, "vars_uri"));
  auto vars = OptionalArray(o, "vars_structure", "vars_structure");
  if (!vars.ok()) return RfWrongType(vars.status());
  if (*vars != nullptr) {
    for (size_t i = 0; i < (*vars)->size(); ++i) {
      FW_ASSIGN_OR_RETURN(auto var,
                          DecodeVar((**vars)[i], "vars_structure[" + std::to_string(i) + "]"));
      in.vars_structure.push_back(std::move(var));
    }
  }
  return in;
}

Result<std::optional<std::vector<stacks::Agency>>> DecodeAgencies(const json::object& o) {
  auto arr = OptionalArray(o, "agencies", "agencies");
  if (!arr.ok()) return RfWrongType(arr.status());
  if (*arr == nullptr) return std::optional<std::vector<stacks::Agency>>();
  std::vector<stacks::Agency> out;
  for (size_t i = 0; i < (*arr)->size(); ++i) {
    std::string at = "agencies[" + std::to_string(i) + "]";
    const json::value& v = (**arr)[i];
    if (!v.is_object()) return InvalidArgument("'" + at + "' must be an object.", rf::kWrongType);
    const json::object& a = v.as_object();
    FW_RETURN_IF_ERROR(
        RejectUnknownFields(a, {"provider_name", "agency_name", "agency_urn"}, at + "."));
    FW_ASSIGN_OR_RETURN(auto provider, BodyString(a, "provider_name"));
    FW_ASSIGN_OR_RETURN(auto name, BodyString(a, "agency_name"));
    FW_ASSIGN_OR_RETURN(auto urn, BodyString(a, "agency_urn"));
    if (!provider) {
      return InvalidArgument("'" + at + ".provider_name' is required.", rf::kMissingParameter);
    }
    out.push_back({*provider, name.value_or(""), urn.value_or("")});
  }
  return std::optional<std::vector<stacks::Agency>>(std::move(out));
}

Result<stacks::PageRequest> DecodePage(const Context& ctx) {
  stacks::PageRequest page;
  page.marker = QueryParam(ctx.request, "marker");
  if (auto limit = QueryParam(ctx.request, "limit")) {
    int n = 0;
    auto [end, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), n);
    if (ec != std::errc() || end != limit->data() + limit->size()) {
      return InvalidArgument("'limit' must be an integer.", rf::kNotInteger);
    }
    page.limit = n;
  }
  return page;
}

stacks::StackRef StackFromQuery(const Context& ctx) {
  return {ctx.request.PathParam("project_id"), ctx.request.PathParam("stack_name"),
          QueryParam(ctx.request, "stack_id")};
}

Result<stacks::StackRef> StackFromBody(const Context& ctx, const json::object& body) {
  FW_ASSIGN_OR_RETURN(auto id, BodyString(body, "stack_id"));
  return stacks::StackRef{ctx.request.PathParam("project_id"),
                          ctx.request.PathParam("stack_name"), std::move(id)};
}

stacks::PlanRef PlanFromQuery(const Context& ctx) {
  return {StackFromQuery(ctx), ctx.request.PathParam("execution_plan_name"),
          QueryParam(ctx.request, "execution_plan_id")};
}

}  // namespace fw::api::rfs
