// The loader: reads module directories (from disk or memory), parses each file with the syntax
// it is written in, decodes it into a Module, and loads local module calls recursively.
#include "config/loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "config/decode.h"
#include "config/override.h"
#include "hcl/json_body.h"

namespace fw::config {
namespace {

namespace fs = std::filesystem;

struct InputFile {
  std::string name;  // as diagnostics show it
  std::string bytes;
};

// Lists a module directory's configuration files, or reports why it cannot.
using DirReader = std::function<Result<std::vector<InputFile>>(const std::string& dir)>;

bool IsConfigFile(const std::string& name) {
  auto ends = [&](std::string_view suffix) {
    return name.size() > suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends(".tf") || ends(".tf.json");
}

bool IsLocalSource(const std::string& s) {
  return s.rfind("./", 0) == 0 || s.rfind("../", 0) == 0 || s == "." || s == "..";
}

std::string JoinDir(const std::string& dir, const std::string& rel) {
  fs::path p = dir.empty() ? fs::path(rel) : fs::path(dir) / rel;
  std::string out = p.lexically_normal().generic_string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  if (out == ".") out.clear();
  return out;
}

class Loader {
 public:
  Loader(DirReader reader, std::shared_ptr<const hcl::FileSource> files,
         const LoadOptions& options, LoadResult* result)
      : reader_(std::move(reader)), files_(std::move(files)), options_(options), result_(result) {}

  std::unique_ptr<Config> LoadTree(const std::string& dir, std::vector<InputFile> files,
                                   const Config* parent, std::vector<std::string> path) {
    auto config = std::make_unique<Config>();
    config->parent = parent;
    config->path = std::move(path);
    config->files = files_;
    config->module = std::make_unique<Module>();
    Module& m = *config->module;
    m.dir = dir;
    // Override files are applied after every primary file, each in name order.
    std::stable_partition(files.begin(), files.end(), [](const InputFile& f) {
      return !decode_internal::IsOverrideFile(f.name);
    });
    decode_internal::BlockIndex index;
    for (InputFile& f : files) LoadFile(std::move(f), &m, &index);
    for (auto& [name, call] : m.module_calls) {
      if (call.source.empty()) continue;
      if (!IsLocalSource(call.source)) {
        result_->diags.AddError(
            "Unsupported module source",
            "Formwork loads only local modules, whose source starts with \"./\" or \"../\". \"" +
                call.source +
                "\" is a registry or remote address, which would need a download: copy the "
                "module next to the configuration and use a relative path.",
            call.source_range);
        continue;
      }
      if (static_cast<int>(config->path.size()) >= options_.max_module_depth) {
        result_->diags.AddError("Module nesting too deep",
                                "Modules may be nested at most " +
                                    std::to_string(options_.max_module_depth) +
                                    " levels deep; module \"" + name + "\" exceeds that.",
                                call.decl_range);
        continue;
      }
      std::string child_dir = JoinDir(dir, call.source);
      Result<std::vector<InputFile>> child_files = reader_(child_dir);
      if (!child_files.ok()) {
        result_->diags.AddError("Unreadable module directory",
                                "Unable to evaluate directory symlink or read module directory "
                                "\"" +
                                    call.source + "\": " + child_files.status().message(),
                                call.source_range);
        continue;
      }
      std::vector<std::string> child_path = config->path;
      child_path.push_back(name);
      auto child =
          LoadTree(child_dir, std::move(child_files).value(), config.get(), std::move(child_path));
      CheckModuleInputs(call, *child->module);
      config->children.emplace(name, std::move(child));
    }
    return config;
  }

 private:
  // Parses one file; a primary file is decoded into `m` (its blocks recorded in `index`), an
  // override file is merged into what `index` holds.
  void LoadFile(InputFile f, Module* m, decode_internal::BlockIndex* index) {
    const bool is_override = decode_internal::IsOverrideFile(f.name);
    if (f.bytes.size() > options_.max_file_bytes) {
      result_->diags.AddError("Configuration file too large",
                              "The file \"" + f.name + "\" is larger than the limit of " +
                                  std::to_string(options_.max_file_bytes) + " bytes.",
                              std::nullopt);
      return;
    }
    m->files.push_back(f.name);
    bool json = f.name.size() >= 8 && f.name.compare(f.name.size() - 8, 8, ".tf.json") == 0;
    if (json) {
      hcl::JsonFileResult r = hcl::ParseJsonConfig(std::move(f.bytes), f.name, options_.parse);
      result_->diags.Append(std::move(r.diags));
      if (!r.file) return;
      result_->sources[f.name] = r.file->source;
      Decode(r.file->body(), is_override, m, index);
      m->json_files.push_back(std::move(r.file));
      return;
    }
    hcl::ParseResult r = hcl::ParseConfig(std::move(f.bytes), f.name, options_.parse);
    result_->sources[f.name] = r.file.source;
    bool syntax_errors = r.diags.HasErrors();
    result_->diags.Append(std::move(r.diags));
    // Decoding a tree with syntax errors would only repeat them as confusing follow-ups.
    if (!syntax_errors) Decode(*r.file.body, is_override, m, index);
    m->native_files.push_back(std::move(r.file));
  }

  void Decode(const hcl::AnyBody& body, bool is_override, Module* m,
              decode_internal::BlockIndex* index) {
    if (is_override) {
      hcl::BodyContent c = body.Content(decode_internal::FileSchema(), result_->diags);
      for (const hcl::BlockRef& b : c.blocks) {
        decode_internal::ApplyOverride(b, *index, m, result_->diags);
      }
      return;
    }
    std::vector<hcl::BlockRef> blocks;
    decode_internal::DecodeFile(body, m, result_->diags, &blocks);
    for (hcl::BlockRef& b : blocks) {
      std::string key = decode_internal::BlockKey(b);
      if (!key.empty()) index->emplace(std::move(key), std::move(b));  // the first one wins
    }
  }

  void CheckModuleInputs(const ModuleCall& call, const Module& child) {
    for (const hcl::AttributeRef& in : call.inputs) {
      if (child.variables.count(in.name) == 0) {
        std::vector<std::string_view> names;
        for (const auto& [n, v] : child.variables) names.push_back(n);
        result_->diags.AddError("Unsupported argument",
                                "An argument named \"" + in.name + "\" is not expected here." +
                                    hcl::SuggestName(in.name, names),
                                in.name_range);
      }
    }
    for (const auto& entry : child.variables) {
      const std::string& name = entry.first;  // a plain reference: lambdas may capture it
      if (!entry.second.Required()) continue;
      bool given = std::any_of(call.inputs.begin(), call.inputs.end(),
                               [&](const hcl::AttributeRef& a) { return a.name == name; });
      if (!given) {
        result_->diags.AddError(
            "Missing required argument",
            "The argument \"" + name + "\" is required, but no definition was found.",
            call.decl_range);
      }
    }
  }

  DirReader reader_;
  std::shared_ptr<const hcl::FileSource> files_;
  const LoadOptions& options_;
  LoadResult* result_;
};

Result<std::vector<InputFile>> ReadDiskDir(const std::string& dir, size_t max_files) {
  std::error_code ec;
  std::vector<std::string> names;
  for (fs::directory_iterator it(dir.empty() ? "." : dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (IsConfigFile(name) && it->is_regular_file(ec)) names.push_back(name);
  }
  if (ec) return NotFound(ec.message());
  std::sort(names.begin(), names.end());
  if (names.size() > max_files) return InvalidArgument("too many configuration files");
  std::vector<InputFile> out;
  for (const std::string& n : names) {
    std::string path = dir.empty() ? n : (fs::path(dir) / n).generic_string();
    std::ifstream in(path, std::ios::binary);
    if (!in) return NotFound("cannot read " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    out.push_back({path, ss.str()});
  }
  return out;
}

void ReportEmpty(LoadResult* r, const std::string& dir) {
  r->diags.AddError("No configuration files",
                    "The directory \"" + (dir.empty() ? std::string(".") : dir) +
                        "\" contains no Terraform configuration files (.tf or .tf.json).",
                    std::nullopt);
}

}  // namespace

hcl::SourceLookup LoadResult::Lookup() const {
  return [this](std::string_view name) -> const hcl::SourceFile* {
    auto it = sources.find(std::string(name));
    return it == sources.end() ? nullptr : it->second.get();
  };
}

LoadResult LoadConfig(const std::string& path, const LoadOptions& options) {
  LoadResult result;
  DirReader reader = [&options](const std::string& dir) {
    return ReadDiskDir(dir, options.max_files);
  };
  std::error_code ec;
  std::string dir = path;
  std::vector<InputFile> files;
  if (fs::is_regular_file(path, ec)) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    files.push_back({path, ss.str()});
    dir = fs::path(path).parent_path().generic_string();
  } else if (fs::is_directory(path, ec)) {
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    Result<std::vector<InputFile>> r = reader(dir);
    if (!r.ok()) {
      result.diags.AddError("Unreadable configuration directory", r.status().message(),
                            std::nullopt);
    } else {
      files = std::move(r).value();
    }
    if (r.ok() && files.empty()) ReportEmpty(&result, dir);
  } else {
    result.diags.AddError("No such file or directory", "The path \"" + path + "\" does not exist.",
                          std::nullopt);
  }
  // Relative file paths resolve against the root module's directory, as against Terraform's
  // working directory.
  Loader loader(reader, std::make_shared<hcl::DiskFileSource>(dir), options, &result);
  result.config = loader.LoadTree(dir, std::move(files), nullptr, {});
  return result;
}

LoadResult LoadConfigFromFiles(const std::map<std::string, std::string>& files,
                               const LoadOptions& options) {
  LoadResult result;
  DirReader reader = [&files](const std::string& dir) -> Result<std::vector<InputFile>> {
    std::vector<InputFile> out;
    for (const auto& [name, bytes] : files) {
      std::string parent = fs::path(name).parent_path().lexically_normal().generic_string();
      if (parent == ".") parent.clear();
      if (parent == dir && IsConfigFile(fs::path(name).filename().string())) {
        out.push_back({name, bytes});
      }
    }
    if (out.empty()) return NotFound("no configuration files in \"" + dir + "\"");
    return out;
  };
  // Every file of the template (scripts and data too, not only .tf) and nothing else.
  Loader loader(reader, std::make_shared<hcl::MemoryFileSource>(files), options, &result);
  Result<std::vector<InputFile>> root = reader("");
  std::vector<InputFile> root_files;
  if (root.ok()) {
    root_files = std::move(root).value();
  } else {
    ReportEmpty(&result, "");
  }
  result.config = loader.LoadTree("", std::move(root_files), nullptr, {});
  return result;
}

}  // namespace fw::config
