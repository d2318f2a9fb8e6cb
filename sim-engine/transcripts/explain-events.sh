# Reading the API's documentation and the cluster's events.
kubectl explain pods
kubectl explain pods.spec.containers
kubectl explain deployment.spec.strategy
kubectl explain deployment.spec.strategy --recursive
kubectl explain pods.spec.restartPolicy
kubectl explain pods.spec.nope
kubectl explain nope
kubectl run web --image=nginx
kubectl run bad --image=nginx:doesnotexist
sleep 20
kubectl events
kubectl events --for pod/bad --types=Warning
kubectl events --types=Sometimes
