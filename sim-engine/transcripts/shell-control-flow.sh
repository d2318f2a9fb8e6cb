# Loops, conditions, test, seq and arithmetic in the sandbox's shell, against a real cluster.
kubectl create deployment hello --image=wheelhouse/hello:v1 --replicas=3
kubectl expose deployment hello --port=80 --target-port=8080
kubectl run client --image=busybox:1.36 -- sleep 3600
sleep 10
for i in 1 2 3 4 5; do kubectl exec client -- wget -qO- hello; done
for n in node-1 node-2; do kubectl cordon $n; done
for n in node-1 node-2
do
  kubectl uncordon $n
done
if kubectl get pod client >/dev/null 2>&1; then echo yes; else echo no; fi
if kubectl get pod nope; then echo yes; else echo no; fi
i=0; while [ $i -lt 3 ]; do echo "round $i"; i=$((i+1)); done
date +%T; for i in $(seq 1 3); do sleep 2; done; date +%T
kubectl run web --image=nginx:1.25
n=0; until kubectl get pod web | grep -q Running; do sleep 1; n=$((n+1)); done; echo "waited $n s"
for ((i = 1; i <= 3; i++)); do echo -n "$i "; done; echo
seq -s, 1 2 9
echo $(( (7 + 3) * 2 % 6 )) $((2**8)) $(( 10 > 3 ))
[ -f ~/.kube/config ] && echo "have a kubeconfig"
test -z "$UNSET" && test abc != abd && echo strings
[ 3 -gt x ]; echo "status $?"
for i in 1 2 3; do for j in a b c; do [ $j = b ] && continue 2; echo $i$j; done; done
while true; do echo once; break; done
done
if true; fi
for i in 1 2; echo $i; done
echo $((5/0)); echo never printed
break
i=0; while true; do i=$((i+1)); done; echo never printed
echo "after the guard: $i"
case x in x) echo;; esac
help | grep -A1 'for x in'
