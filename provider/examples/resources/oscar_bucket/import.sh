# A bucket is imported by its name.
terraform import oscar_bucket.mask_detector mask-detector
