/* Backbones: the REFERENCE MODEL -- the authors' Section 3 "relaxed ILP" over several
   groups, as ReferenceModel.build() writes it (Sources/BackboneCore/ReferenceModel.swift;
   DESIGN.md "Exact models", 2).  All variables are binary.

   Two bugs of the authors' code are fixed here as in the Swift model: the objective sums
   over ALL groups (the code sums over the first m groups, m = number of layers), and the
   rho2 budget counts EVERY instance slack u (the code's sum misses some).  Coverage rows are
   written only for the neurons an instance activates (the code's rows for the others
   always hold).

   Data: ReferenceModel.gmplData() (Sources/BackboneCore/GMPLData.swift).
   Run:  glpsol --model models/reference.mod --data groups.dat [--output solution.txt]  */

/* ---- data ---------------------------------------------------------------------- */

param n integer, > 0;           # neurons of the network, numbered 0..n-1 in layer order
set N := 0..n-1;
set L;                          # layers, numbered 1..m
param layer{N} in L;            # layer of each neuron

set G;                          # groups, numbered 0..|G|-1 (numbers, so that g < h below
                                # orders the pairs as the Swift code does)
param group_name{G} symbolic;   # for the printout only
set T{G};                       # instances of group g, numbered 0..|g|-1; identical
                                # transactions are NOT merged: each has its own u[g, t]
set A{g in G, T[g]} within N;   # the neurons instance t of group g activates

param rho1 >= 0, <= 1;          # share of neurons that may be excused     (code: 0.28)
param rho2 >= 0, <= 1;          # share of instances that may be excused   (code: 0)
param rho3 >= 0, <= 1;          # share of neurons that may be shared      (code: 0.55)
param B1 integer, >= 0;         # floor(rho1 * n)
param B2 integer, >= 0;         # floor(rho2 * number of instances, all groups)
param B3 integer, >= 0;         # floor(rho3 * n)
                                # The floors are taken in Swift (one place for rounding);
                                # the checks below only confirm them to within rounding.
param sense symbolic in {'max', 'min'}, default 'max';
                                # max: the authors' code; min: the set-cover sense

param instances := sum{g in G} card(T[g]);
check: B1 <= rho1 * n + 1e-6 and B1 > rho1 * n - 1;
check: B2 <= rho2 * instances + 1e-6 and B2 > rho2 * instances - 1;
check: B3 <= rho3 * n + 1e-6 and B3 > rho3 * n - 1;

/* ---- variables ------------------------------------------------------------------ */

var e{G, N} binary;             # e[g, i] = 1: neuron i is in the backbone of group g
var a{N} binary;                # a[i] = 1: neuron i is excused (in every group)
var s{N} binary;                # s[i] = 1: neuron i may be in several backbones
var u{g in G, T[g]} binary;     # u[g, t] = 1: instance t of group g is excused

/* ---- rows ----------------------------------------------------------------------- */

# coverage: every neuron an instance activates is in its group's backbone, unless the
# neuron or the instance is excused
s.t. coverage{g in G, t in T[g], i in A[g, t]}:
    a[i] + u[g, t] + e[g, i] >= 1;

# diversity: a neuron in two backbones must be a shared one
s.t. diversity{g in G, h in G, i in N: g < h}:
    e[g, i] + e[h, i] <= 1 + s[i];

# connectivity: every backbone has a neuron in every layer
s.t. connectivity{g in G, l in L}:
    sum{i in N: layer[i] = l} e[g, i] >= 1;

s.t. excused_neurons:   sum{i in N} a[i] <= B1;
s.t. excused_instances: sum{g in G, t in T[g]} u[g, t] <= B2;
s.t. shared_neurons:    sum{i in N} s[i] <= B3;

/* ---- objective: total backbone size, in the sense the data asks for -------------- */

# GMPL fixes the sense of an objective statement, so there are two; the data switch
# `sense` leaves exactly one of them with a non-empty domain, and glpsol optimizes the
# only objective row that exists.
maximize total_size_max{k in 1..1: sense = 'max'}:
    sum{g in G, i in N} e[g, i];
minimize total_size_min{k in 1..1: sense = 'min'}:
    sum{g in G, i in N} e[g, i];

solve;

for{g in G} {
    printf "backbone of %s:", group_name[g];
    printf{i in N: e[g, i] > 0.5} " %d", i;
    printf "\n";
}
printf "excused neurons:";   printf{i in N: a[i] > 0.5} " %d", i; printf "\n";
printf "shared neurons:";    printf{i in N: s[i] > 0.5} " %d", i; printf "\n";
printf "excused instances:"; printf{g in G, t in T[g]: u[g, t] > 0.5} " %s/%d", group_name[g], t;
printf "\n";
printf "total size: %d\n", sum{g in G, i in N} e[g, i];

end;
