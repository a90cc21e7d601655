// Decodes a resource's configuration body against its schema into one object value (what
// Terraform's hcldec does): each attribute evaluated and converted to its schema type, nested
// blocks as objects, lists or sets of objects, `dynamic` blocks expanded. Unset attributes are
// null; unknown inputs give unknown attributes (known after apply).
//
// Errors ("Missing required argument", "Unsupported argument", "Unsupported block type",
// "Incorrect attribute value type", "Too many ... blocks", "Value for unconfigurable attribute")
// are diagnostics with the offending range, in Terraform's words.
//
// Thread-safety: pure (reads the body, the schema and the evaluation context).
#pragma once

#include "hcl/body.h"
#include "hcl/diagnostics.h"
#include "hcl/eval/evaluator.h"
#include "hcl/value.h"
#include "providers/schema.h"

namespace fw::providers {

hcl::Value DecodeBody(const Block& schema, const hcl::AnyBody& body, const hcl::EvalContext& ctx,
                      hcl::Diagnostics& diags);

// The names `body` refers to, including inside nested and dynamic blocks (for the graph).
std::vector<hcl::Traversal> BodyReferences(const Block& schema, const hcl::AnyBody& body);

}  // namespace fw::providers
