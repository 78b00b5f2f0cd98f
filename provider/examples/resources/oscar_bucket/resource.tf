# A bucket two services share (the mask-detector workflow): declared once, never deleted by them.
resource "oscar_bucket" "mask_detector" {
  name = "mask-detector"
}

resource "oscar_service" "anon_and_split" {
  name   = "anon-and-split"
  image  = "grycap/blurry-faces"
  script = file("${path.module}/blurry-faces.sh")
  memory = "2Gi"
  cpu    = "1.0"
  input  = [{ storage_provider = "minio", path = "${oscar_bucket.mask_detector.name}/input" }]
  output = [{ storage_provider = "minio", path = "${oscar_bucket.mask_detector.name}/intermediate" }]
}

resource "oscar_service" "mask_detector" {
  name   = "mask-detector"
  image  = "grycap/mask-detector-yolo:full"
  script = file("${path.module}/mask-detector.sh")
  memory = "1Gi"
  cpu    = "1.0"
  input  = [{ storage_provider = "minio", path = "${oscar_bucket.mask_detector.name}/intermediate" }]
  output = [{ storage_provider = "minio", path = "${oscar_bucket.mask_detector.name}/result" }]
}
