// A directed acyclic graph of integer node ids with adjacency lists and in-degree counts: the
// dependency graph the planner walks in order and the executor walks in parallel. An edge
// a -> b means "b waits for a". Cycles are found and named.
//
// Thread-safety: not synchronized; the executor copies the in-degrees it consumes.
#pragma once

#include <string>
#include <vector>

namespace fw::engine {

class Graph {
 public:
  int AddNode() {
    out_.emplace_back();
    in_degree_.push_back(0);
    return static_cast<int>(out_.size()) - 1;
  }
  // `to` waits for `from`. Duplicate edges are allowed (each counts once in the in-degree).
  void AddEdge(int from, int to) {
    out_[from].push_back(to);
    ++in_degree_[to];
  }
  // Removes duplicate edges (call once after building).
  void Dedupe();

  size_t size() const { return out_.size(); }
  const std::vector<int>& Dependents(int node) const { return out_[node]; }
  const std::vector<int>& InDegrees() const { return in_degree_; }

  // A topological order (Kahn's algorithm, lowest id first among ready nodes). When the graph
  // has a cycle, returns false and puts the nodes of one cycle, in order, in `*cycle`.
  bool TopologicalOrder(std::vector<int>* order, std::vector<int>* cycle) const;

 private:
  std::vector<std::vector<int>> out_;
  std::vector<int> in_degree_;
};

}  // namespace fw::engine
