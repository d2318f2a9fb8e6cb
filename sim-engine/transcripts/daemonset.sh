# DaemonSets: kubeadm's kube-proxy, a log agent applied from a manifest, node selectors and taints, a rolling update, drain and delete.
kubectl get ds -A
kubectl get daemonsets.apps kube-proxy -n kube-system -o wide
kubectl describe ds kube-proxy -n kube-system
kubectl get all -n kube-system
cat <<'YAML' > log-agent.yaml
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-agent
  labels:
    app: log-agent
spec:
  selector:
    matchLabels:
      app: log-agent
  template:
    metadata:
      labels:
        app: log-agent
    spec:
      tolerations:
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
        effect: NoSchedule
      containers:
      - name: agent
        image: busybox:1.36
        command: ["sh", "-c", "while true; do echo shipping logs; sleep 60; done"]
YAML
kubectl apply -f log-agent.yaml
kubectl get ds log-agent
sleep 10
kubectl get ds log-agent
kubectl get pods -l app=log-agent -o wide
kubectl get pod -l app=log-agent --field-selector spec.nodeName=node-1 -o jsonpath='{.items[0].spec.affinity}{"\n"}'
kubectl describe ds log-agent
kubectl get ds log-agent -o yaml
kubectl label node node-1 node-2 logging=on
kubectl patch ds log-agent -p '{"spec":{"template":{"spec":{"nodeSelector":{"logging":"on"}}}}}'
sleep 5
kubectl get ds log-agent
kubectl label node node-3 logging=on
sleep 5
kubectl get pods -l app=log-agent -o wide
kubectl taint node node-2 dedicated=db:NoExecute
sleep 5
kubectl get ds log-agent
kubectl taint node node-2 dedicated-
kubectl set image ds/log-agent agent=busybox:1.37
kubectl rollout status ds/log-agent --watch=false
kubectl get pods -l app=log-agent -o wide
kubectl rollout status ds/log-agent
kubectl get pods -l app=log-agent -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,IMAGE:.spec.containers[0].image,GEN:.metadata.labels.pod-template-generation
kubectl rollout history ds/log-agent
kubectl drain node-3 --ignore-daemonsets
kubectl uncordon node-3
kubectl delete ds log-agent
kubectl get pods -l app=log-agent
sleep 35
kubectl get pods -l app=log-agent
